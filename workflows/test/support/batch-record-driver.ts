import { randomUUID } from 'node:crypto';
import { Client, WorkflowHandle } from '@temporalio/client';
import {
  batchRecordViewQuery,
  batchRecordWorkflowId,
  BatchStepCompletion,
  BatchStepStart,
  completeBatchStepUpdate,
  startBatchStepUpdate,
} from '@v2v/contracts';
import { executeStepUpdate } from '@v2v/temporal';
import { DEMO_PROCESS_CART_CD19 } from '@v2v/testing';
import { payloadFor, sendStep, startJourney, stepsThrough } from './journey-driver';
import { batchNumberFor } from './mock-services';

export const OPERATOR = { userId: 'operator', role: 'operator' } as const;
export const BATCH_STEPS = DEMO_PROCESS_CART_CD19.steps;

/** A journey through `startProduction`, with its batch record child's handle. */
export async function producingJourney(client: Client) {
  const handle = await startJourney(client);
  const code = handle.workflowId.slice('journey-'.length);
  for (const step of stepsThrough('startProduction'))
    await sendStep(handle, step, payloadFor(step, code));
  const batchNumber = batchNumberFor(code);
  const batch = client.workflow.getHandle(batchRecordWorkflowId(batchNumber));
  return { handle, code, batchNumber, batch };
}

export function startStep(
  batch: WorkflowHandle,
  stepId: string,
  payload: Partial<BatchStepStart> = {},
  eventId: string = randomUUID(),
) {
  const start = {
    stepId,
    eventId,
    actor: OPERATOR,
    payload: {
      bookingId: randomUUID(),
      shiftCode: 'DAY',
      startedAt: new Date().toISOString(),
      coOperators: [],
      ...payload,
    },
  };
  return executeStepUpdate(batch, startBatchStepUpdate, [start], eventId);
}

/** A completion with every parameter mid-range and every label of the step confirmed. */
export async function completeStep(
  batch: WorkflowHandle,
  stepId: string,
  extra: Partial<BatchStepCompletion> = {},
  eventId: string = randomUUID(),
) {
  const step = BATCH_STEPS.find((s) => s.stepId === stepId)!;
  const view = await batch.query(batchRecordViewQuery);
  const payload: BatchStepCompletion = {
    endedAt: new Date().toISOString(),
    parameters: step.parameters.map((p) => ({
      parameterId: p.parameterId,
      value: (p.min + p.max) / 2,
    })),
    consumables: step.consumables.map((c) => ({
      materialCode: c.materialCode,
      lotId: `${c.materialCode}-LOT`,
      quantity: 1,
      unit: 'unit',
    })),
    containerInspections: [
      ...step.containers.beforeUse.map((container) => ({
        container,
        phase: 'before-use' as const,
        intact: true,
      })),
      ...step.containers.afterFilling.map((container) => ({
        container,
        phase: 'after-filling' as const,
        intact: true,
      })),
    ],
    labelConfirmations: view.labels
      .filter((l) => l.stepId === stepId)
      .map((l) => ({ labelId: l.labelId, scan: l.content })),
    ...extra,
  };
  return executeStepUpdate(
    batch,
    completeBatchStepUpdate,
    [{ stepId, eventId, actor: OPERATOR, payload }],
    eventId,
  );
}

/** Waits (in real time) until `probe` holds; for what a workflow does after an update. */
export async function eventually<T>(probe: () => Promise<T>, holds: (value: T) => boolean) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const value = await probe();
    if (holds(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not reached in 10 s');
}
