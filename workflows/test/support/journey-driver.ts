import { randomUUID } from 'node:crypto';
import { Client, WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  formatDonorCode,
  generateDonorUniqueCode,
  JOURNEY_WORKFLOW_TYPE,
  JourneyInput,
  journeyStepUpdate,
  JourneyStep,
  JourneyView,
  journeyWorkflowId,
  StepPayload,
  TASK_QUEUES,
} from '@v2v/contracts';
import { executeStepUpdate } from '@v2v/temporal';
import { bedsideInfusion, INTACT_SITE_RECEIPT } from '@v2v/testing';

let sequence = Math.floor(Math.random() * 900_000);

/** A fresh, valid donor code per journey, so tests never collide. */
export function newDonorCode(): string {
  sequence += 1;
  return formatDonorCode(generateDonorUniqueCode({ facility: 'T0001', year: 2026, sequence }));
}

export async function startJourney(client: Client, donorCode = newDonorCode()) {
  const input: JourneyInput = {
    donorCode,
    order: {
      patientReference: 'PAT-WF-1',
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
    orderedBy: { userId: 'scheduler', role: 'scheduler' },
  };
  return client.workflow.start(JOURNEY_WORKFLOW_TYPE, {
    workflowId: journeyWorkflowId(donorCode),
    taskQueue: TASK_QUEUES.journey,
    args: [input],
  });
}

export function sendStep<S extends JourneyStep>(
  handle: WorkflowHandle,
  step: S,
  payload: StepPayload<S>,
  eventId = randomUUID(),
): Promise<JourneyView> {
  return executeStepUpdate(
    handle,
    journeyStepUpdate(step),
    [{ eventId, actor: { userId: 'tester', role: 'ops' }, payload }],
    eventId,
  );
}

/**
 * Payloads for every step, valid enough for the workflow (services are mocked). The custody legs
 * count from their hand-over's time (GEN-01), so those are `now`: the test server's time where
 * a test skips time, the real time otherwise.
 */
export function payloadFor(step: JourneyStep, donorCode: string, now = new Date()): never {
  const signature = (meaning: string) => ({
    signatureId: `sig-${meaning}`,
    signer: { userId: 'qa-qp', role: 'qa-qp' },
    meaning,
    signedAt: '2026-12-03T09:00:00Z',
    signedContentHash: '0'.repeat(64),
  });
  const payloads: Record<JourneyStep, unknown> = {
    recordDonorScreening: {
      sampledAt: '2026-11-25T08:00:00Z',
      results: [{ marker: 'HIV', result: 'negative', method: 'CLIA' }],
      eligibilityConfirmed: true,
    },
    scheduleCollection: { collectionDate: '2026-12-01' },
    postponeCollection: { collectionDate: '2026-12-04', reason: 'patient febrile on the day' },
    recordCollection: {
      collectedAt: '2026-12-01T08:00:00Z',
      volumeMl: 180,
      bagLot: 'BAG-1',
      collectionOperator: 'N',
    },
    recordPostCollectionStorage: {
      storedFrom: '2026-12-01T08:00:00Z',
      storedUntil: '2026-12-01T09:00:00Z',
      minTemperatureC: 4,
      maxTemperatureC: 6,
      location: 'R2',
    },
    handOverToCourier: {
      handedOverAt: now.toISOString(),
      courier: 'C',
      shipperId: 'S',
      packageId: 'P',
      loggerId: 'LOGGER-7',
    },
    recordMaterialReceipt: {
      receivedAt: '2026-12-02T09:00:00Z',
      labelScan: donorCode,
      packagingIntact: true,
      label: {},
      storageUnitId: 'COLD-01',
    },
    releaseMaterial: { signature: signature('released') },
    rejectMaterial: {
      reason: 'packaging damaged',
      disposition: 'destroy',
      signature: signature('rejected'),
    },
    startProduction: { labelScan: donorCode },
    completeProduction: { totalCellCount: 1_000_000 },
    rejectFailedBatch: {
      reason: 'culture contaminated on day 5',
      disposition: 'destroy',
      signature: signature('rejected'),
    },
    remanufactureBatch: { reason: 'retained portion available', signature: signature('approved') },
    recordQcResult: {
      results: [
        {
          testCode: 'viability',
          value: 91,
          unit: '%',
          method: '7-AAD flow cytometry',
          instrumentId: 'QC-INSTR-01',
          sampleId: 'QCS-FP-01',
          testedAt: now.toISOString(),
        },
      ],
    },
    releaseBatch: { signature: signature('released') },
    rejectBatch: { reason: 'out of specification', signature: signature('rejected') },
    shipToSite: {
      shippedAt: now.toISOString(),
      courier: 'C',
      shipperId: 'S',
      loggerId: 'LOGGER-9',
    },
    // The site storage leg counts from the receipt (GEN-01): `now`, as the other legs.
    receiveAtSite: {
      receivedAt: now.toISOString(),
      labelScan: donorCode,
      inspection: INTACT_SITE_RECEIPT,
    },
    // Completed 25 min before the infusion's end, within its 30 min from the thaw (OTH-01).
    recordThaw: {
      thawStartedAt: new Date(now.getTime() - 28 * 60_000).toISOString(),
      thawCompletedAt: new Date(now.getTime() - 25 * 60_000).toISOString(),
      bathTemperatureC: 37,
      methodNote: 'water bath',
    },
    recordInfusion: bedsideInfusion({
      donorCode,
      patientReference: 'PAT-WF-1',
      endedAt: now.toISOString(),
    }),
    // The dev server cannot skip the follow-up period: these journeys end it by a withdrawal;
    // follow-up-period.workflow-spec.ts completes the period with time skipping.
    completeFollowUp: { outcome: 'patient withdrew from follow-up', outcomeKind: 'withdrawal' },
    cancelJourney: { reason: 'patient withdrew' },
  };
  return payloads[step] as never;
}

export const HAPPY_PATH: JourneyStep[] = [
  'recordDonorScreening',
  'scheduleCollection',
  'recordCollection',
  'recordPostCollectionStorage',
  'handOverToCourier',
  'recordMaterialReceipt',
  'releaseMaterial',
  'startProduction',
  'completeProduction',
  'recordQcResult',
  'releaseBatch',
  'shipToSite',
  'receiveAtSite',
  'recordThaw',
  'recordInfusion',
];

/** The happy path up to and including `last`. */
export function stepsThrough(last: JourneyStep): JourneyStep[] {
  return HAPPY_PATH.slice(0, HAPPY_PATH.indexOf(last) + 1);
}

/** Expects an update refused (validator or service) with the given failure type. */
export async function expectRefused(promise: Promise<unknown>, type: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(type);
}
