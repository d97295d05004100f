import {
  BatchRecordResult,
  BatchStepActivityInput,
  batchRecordViewQuery,
  DonorCodeKey,
  JourneyView,
  journeyTimelineQuery,
  journeyViewQuery,
} from '@v2v/contracts';
import {
  BATCH_STEPS,
  completeStep,
  eventually,
  OPERATOR,
  producingJourney,
  startStep,
} from './support/batch-record-driver';
import { childResult, timeSkippingEnvironment } from './support/environments';
import { expectRefused, HAPPY_PATH, payloadFor, sendStep } from './support/journey-driver';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const MINUTE_MS = 60_000;
const platform = useMockedPlatform(timeSkippingEnvironment, (s) => {
  s.numberBatches = true;
});

function callsFor(name: string, batchNumber: string) {
  return platform.services
    .callsOf(name)
    .map((c) => c.input as BatchStepActivityInput<unknown>)
    .filter((input) => input.batchNumber === batchNumber);
}

describe('batch record child workflow (time skipping)', () => {
  it('PRD-01 takes the five steps in order, and the journey completes production with the cell count', async () => {
    const { handle, code, batchNumber, batch } = await producingJourney(platform.env.client);
    expect((await handle.query(journeyViewQuery)).batchNumber).toBe(batchNumber);
    const description = await batch.describe();
    expect(description.typedSearchAttributes.get(DonorCodeKey)).toBe(code);

    for (const step of BATCH_STEPS) {
      const started = await startStep(batch, step.stepId);
      expect(started.steps.find((s) => s.stepId === step.stepId)?.status).toBe('in-progress');
      expect(started.labels.some((l) => l.stepId === step.stepId)).toBe(true);
      const completed = await completeStep(batch, step.stepId);
      expect(completed.steps.find((s) => s.stepId === step.stepId)?.status).toBe('completed');
    }
    expect(callsFor('startBatchStep', batchNumber).map((c) => [c.stepId, c.stepIndex])).toEqual(
      BATCH_STEPS.map((s, i) => [s.stepId, i]),
    );
    const fill = BATCH_STEPS.at(-1)!.parameters[0];
    const cellCount = (fill.min + fill.max) / 2;
    const result = await childResult<BatchRecordResult>(platform.env, batch);
    expect(result).toMatchObject({ batchNumber, totalCellCount: cellCount, completedBy: OPERATOR });

    const view = await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => v.stage === 'qc',
    );
    expect(view.batchNumber).toBe(batchNumber);
    const [completion] = platform.services
      .callsOf('completeProduction')
      .filter((c) => (c.input as { journeyId: string }).journeyId === handle.workflowId);
    expect(completion.input).toMatchObject({
      eventId: `${handle.workflowId}-batch-${batchNumber}-completion`,
      actor: OPERATOR,
      payload: { totalCellCount: cellCount },
    });
    expect((await batch.query(batchRecordViewQuery)).completed).toBe(true);

    for (const step of HAPPY_PATH.slice(HAPPY_PATH.indexOf('recordQcResult')))
      await sendStep(handle, step, payloadFor(step, code));
    await sendStep(handle, 'completeFollowUp', payloadFor('completeFollowUp', code));
    expect((await handle.result()).stage).toBe('closed');
    await recordHistory('happy-path-batch-record', handle);
  });

  it('PRD-01 refuses a step out of order and a completion of a step not started, recording nothing', async () => {
    const { batchNumber, batch } = await producingJourney(platform.env.client);
    await expectRefused(startStep(batch, BATCH_STEPS[1].stepId), 'STEP_OUT_OF_ORDER');
    await expectRefused(completeStep(batch, BATCH_STEPS[0].stepId), 'STEP_OUT_OF_ORDER');
    await expectRefused(startStep(batch, 'NO-SUCH-STEP'), 'NOT_FOUND');
    await startStep(batch, BATCH_STEPS[0].stepId);
    await expectRefused(startStep(batch, BATCH_STEPS[0].stepId), 'STEP_OUT_OF_ORDER');
    expect(callsFor('startBatchStep', batchNumber)).toHaveLength(1);
    expect(callsFor('completeBatchStep', batchNumber)).toHaveLength(0);
    const view = await batch.query(batchRecordViewQuery);
    expect(view.steps.map((s) => s.status)).toEqual([
      'in-progress',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });

  it('answers a repeated event id with the first answer and records the step once', async () => {
    const { batchNumber, batch } = await producingJourney(platform.env.client);
    const first = await startStep(batch, BATCH_STEPS[0].stepId, {}, 'start-once');
    const again = await startStep(batch, BATCH_STEPS[0].stepId, {}, 'start-once');
    expect(again).toEqual(first);
    expect(callsFor('startBatchStep', batchNumber)).toHaveLength(1);
  });

  it("keeps production's refusal code and the step as it was", async () => {
    const { batch } = await producingJourney(platform.env.client);
    platform.services.refuse(
      'startBatchStep',
      'PRD-04',
      'CP1-R03 is booked by another batch (PRD-04)',
    );
    try {
      await expectRefused(startStep(batch, BATCH_STEPS[0].stepId), 'PRD-04');
    } finally {
      platform.services.allow('startBatchStep');
    }
    const view = await batch.query(batchRecordViewQuery);
    expect(view.steps[0].status).toBe('pending');
    await startStep(batch, BATCH_STEPS[0].stepId);
  });

  it('GEN-01 raises one deviation when the next step has not started by the transfer limit', async () => {
    const { batchNumber, batch } = await producingJourney(platform.env.client);
    const [first, second] = BATCH_STEPS;
    await startStep(batch, first.stepId);
    const departedAt = new Date(await platform.env.currentTimeMs()).toISOString();
    const completed = await completeStep(batch, first.stepId, { transferDepartedAt: departedAt });
    const limit = first.transferOut!.maxMinutes * MINUTE_MS;
    expect(completed.transfer).toEqual({
      fromStepId: first.stepId,
      departedAt,
      dueAt: new Date(Date.parse(departedAt) + limit).toISOString(),
    });
    await platform.env.sleep(limit - MINUTE_MS);
    expect(callsFor('raiseBatchTransferDeviation', batchNumber)).toHaveLength(0);
    await platform.env.sleep(2 * MINUTE_MS);
    const view = await eventually(
      () => batch.query(batchRecordViewQuery),
      (v) => v.deviations.length > 0,
    );
    expect(view.deviations).toEqual([expect.objectContaining({ rule: 'GEN-01' })]);
    await platform.env.sleep(60 * MINUTE_MS);
    expect(callsFor('raiseBatchTransferDeviation', batchNumber)).toHaveLength(1);
    const next = await startStep(batch, second.stepId);
    expect(next.transfer).toBeUndefined();
  });

  it('GEN-01 raises nothing when the next step starts within the transfer limit', async () => {
    const { batchNumber, batch } = await producingJourney(platform.env.client);
    const [first, second] = BATCH_STEPS;
    await startStep(batch, first.stepId);
    const departedAt = new Date(await platform.env.currentTimeMs()).toISOString();
    await completeStep(batch, first.stepId, { transferDepartedAt: departedAt });
    await platform.env.sleep(5 * MINUTE_MS);
    await startStep(batch, second.stepId);
    await platform.env.sleep(first.transferOut!.maxMinutes * 2 * MINUTE_MS);
    expect(callsFor('raiseBatchTransferDeviation', batchNumber)).toHaveLength(0);
  });

  it('PRD-01 refuses a completeProduction a person sends while the batch record runs', async () => {
    const { handle, code } = await producingJourney(platform.env.client);
    await expectRefused(
      sendStep(handle, 'completeProduction', payloadFor('completeProduction', code)),
      'PRD-01',
    );
    expect((await handle.query(journeyViewQuery)).stage).toBe('in-production');
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.at(-1)).toMatchObject({ kind: 'system', stage: 'in-production' });
  });
});
