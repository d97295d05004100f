import {
  BatchRecordRejection,
  batchRecordViewQuery,
  batchRecordWorkflowId,
  JourneyView,
  journeyTimelineQuery,
  journeyViewQuery,
  ManufacturingSlotHoldRequest,
} from '@v2v/contracts';
import {
  BATCH_STEPS,
  completeStep,
  eventually,
  producingJourney,
  startStep,
} from './support/batch-record-driver';
import { childResult, timeSkippingEnvironment } from './support/environments';
import { expectRefused, payloadFor, sendStep } from './support/journey-driver';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const platform = useMockedPlatform(timeSkippingEnvironment, (s) => {
  s.numberBatches = true;
});

describe('a failed batch: rejected with its disposition, then re-manufactured or recollected (time skipping)', () => {
  it('MAT-04 a rejected batch ends its batch record, releases its slot, and re-manufacture runs a second batch', async () => {
    const { handle, code, batchNumber, batch } = await producingJourney(platform.env.client);
    await startStep(batch, BATCH_STEPS[0].stepId);

    const rejected = await sendStep(
      handle,
      'rejectFailedBatch',
      payloadFor('rejectFailedBatch', code),
    );
    expect(rejected.stage).toBe('batch-rejected');
    const result = await childResult<BatchRecordRejection>(platform.env, batch);
    expect(result).toMatchObject({ outcome: 'rejected', batchNumber });
    expect((await batch.query(batchRecordViewQuery)).rejectedAt).toBe(result.rejectedAt);
    const slotFreed = await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => v.manufacturingSlot === undefined,
    );
    expect(slotFreed.stage).toBe('batch-rejected');
    const timeline = (await handle.query(journeyTimelineQuery)).map((t) => t.summary);
    expect(timeline).toContainEqual(
      expect.stringContaining(`batch record batch-${batchNumber} ended: the batch was rejected`),
    );
    expect(timeline).toContainEqual(expect.stringContaining('released: batch rejected'));

    const remade = await sendStep(
      handle,
      'remanufactureBatch',
      payloadFor('remanufactureBatch', code),
    );
    expect(remade.stage).toBe('material-released');
    expect(remade.manufacturingSlot).toBeDefined();
    const holds = platform.services
      .callsOf('holdManufacturingSlot')
      .map((c) => c.input as ManufacturingSlotHoldRequest)
      .filter((h) => h.donorCode === code);
    expect(holds.at(-1)).toMatchObject({
      reason: 're-manufacture from retained donor material: retained portion available',
    });
    expect(holds.at(-1)!.collectionDate).toBeUndefined();

    const second = await sendStep(handle, 'startProduction', payloadFor('startProduction', code));
    expect(second.stage).toBe('in-production');
    expect(second.batchNumber).toBe(`${batchNumber}-R1`);
    const secondBatch = platform.env.client.workflow.getHandle(
      batchRecordWorkflowId(`${batchNumber}-R1`),
    );
    expect((await secondBatch.query(batchRecordViewQuery)).batchNumber).toBe(`${batchNumber}-R1`);
  });

  it('after a rejected batch the journey may go back to recollection, a new cycle (slots rebooked)', async () => {
    const { handle, code } = await producingJourney(platform.env.client);
    await sendStep(handle, 'rejectFailedBatch', payloadFor('rejectFailedBatch', code));
    const recollection = await sendStep(handle, 'scheduleCollection', {
      collectionDate: '2026-12-28',
    });
    expect(recollection).toMatchObject({ stage: 'collection-scheduled', recollections: 1 });
    await sendStep(handle, 'cancelJourney', payloadFor('cancelJourney', code));
    expect((await handle.result()).stage).toBe('cancelled');
    await recordHistory('failed-batch-recollection-cancelled', handle);
  });

  it('a rejected batch record refuses further steps', async () => {
    const { handle, code, batch } = await producingJourney(platform.env.client);
    await sendStep(handle, 'rejectFailedBatch', payloadFor('rejectFailedBatch', code));
    await childResult(platform.env, batch);
    await expect(startStep(batch, BATCH_STEPS[0].stepId)).rejects.toThrow();
  });

  it('PRD-05 an open environmental-monitoring hold refuses the release; assessed, it goes ahead', async () => {
    const { handle, code, batchNumber, batch } = await producingJourney(platform.env.client);
    for (const step of BATCH_STEPS) {
      await startStep(batch, step.stepId);
      await completeStep(batch, step.stepId);
    }
    await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => v.stage === 'qc',
    );
    await sendStep(handle, 'recordQcResult', payloadFor('recordQcResult', code));
    // PRD-05 is one of the release gates production answers for (the release child's gates).
    platform.services.gate(batchNumber, 'PRD-05', 'production', {
      status: 'open',
      detail: `batch ${batchNumber} held: a contamination in room R-101 is not assessed`,
    });
    await expectRefused(
      sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code)),
      'QA-02',
    );
    const releases = () =>
      platform.services
        .callsOf('releaseBatch')
        .filter((c) => (c.input as { donorCode: string }).donorCode === code);
    expect(releases()).toHaveLength(0);
    const asked = platform.services
      .callsOf('productionReleaseGates')
      .map((c) => c.input as { batchNumber: string })
      .filter((input) => input.batchNumber === batchNumber);
    expect(asked.length).toBeGreaterThan(0);

    platform.services.gate(batchNumber, 'PRD-05', 'production', { status: 'settled' });
    const released = await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code));
    expect(released.stage).toBe('released');
    expect(releases()).toHaveLength(1);
  });
});
