import {
  WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  batchReleaseWorkflowId,
  JourneyView,
  journeyTimelineQuery,
  journeyViewQuery,
  ReleaseGateQuery,
  releaseGatesChangedSignal,
  releaseGatesQuery,
  StepActivityInput,
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

/** A journey through QC whose batch record completed production: in release review. */
async function journeyInReleaseReview() {
  const journey = await producingJourney(platform.env.client);
  for (const step of BATCH_STEPS) {
    await startStep(journey.batch, step.stepId);
    await completeStep(journey.batch, step.stepId);
  }
  await eventually(
    () => journey.handle.query(journeyViewQuery),
    (v: JourneyView) => v.stage === 'qc',
  );
  await sendStep(journey.handle, 'recordQcResult', payloadFor('recordQcResult', journey.code));
  const release = platform.env.client.workflow.getHandle(
    batchReleaseWorkflowId(journey.batchNumber),
  );
  return { ...journey, release };
}

/** How many times production was asked for this batch's gates (one per evaluation). */
function evaluationsOf(batchNumber: string): number {
  return platform.services
    .callsOf('productionReleaseGates')
    .filter((c) => (c.input as ReleaseGateQuery).batchNumber === batchNumber).length;
}

/**
 * Signals the child's current run. The time-skipping test server can answer a signal that meets
 * the continue-as-new itself with "Completed workflow"; sent again, it reaches the new run.
 */
async function signalChanged(release: WorkflowHandle, reason: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await release.signal(releaseGatesChangedSignal, { reason });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError) || attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
}

describe('batch release child workflow (time skipping)', () => {
  it('QA-02 refuses the release naming each open gate, and releases once they settle', async () => {
    const { handle, code, batchNumber, release } = await journeyInReleaseReview();
    platform.services.gate(batchNumber, 'QA-02.2', 'production', {
      status: 'open',
      detail: 'the batch record review is not on record',
    });
    platform.services.gate(batchNumber, 'QA-01', 'release', {
      status: 'open',
      detail: 'no retention sample of the final product',
    });

    const refused = await refusal(
      sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code)),
    );
    expect(refused.type).toBe('QA-02');
    expect(refused.message).toBe(
      `batch ${batchNumber} cannot be released while its gates are open: QA-02.2 the batch record review is not on record; QA-01 no retention sample of the final product (QA-02)`,
    );
    expect(refused.details?.[0]).toMatchObject({
      gates: expect.arrayContaining([expect.objectContaining({ item: 'QA-02.2', status: 'open' })]),
    });
    expect(platform.services.callsOf('releaseBatch')).toHaveLength(0);

    // A QC result recorded (a retest) makes the child evaluate again: it shows the same
    // standing, and tells the journey's view.
    await sendStep(handle, 'recordQcResult', payloadFor('recordQcResult', code));
    const view = await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => (v.releaseGates?.openItems.length ?? 0) === 2,
    );
    expect(view.releaseGates).toMatchObject({ batchNumber, releasable: false });
    expect((await release.query(releaseGatesQuery))?.releasable).toBe(false);

    platform.services.gate(batchNumber, 'QA-02.2', 'production', { status: 'settled' });
    platform.services.gate(batchNumber, 'QA-01', 'release', { status: 'settled' });
    const released = await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code));
    expect(released.stage).toBe('released');
    const [call] = platform.services.callsOf('releaseBatch').slice(-1);
    const input = call.input as StepActivityInput<unknown>;
    expect(input.donorCode).toBe(code);
    expect(input.releaseGates).toMatchObject({ batchNumber, releasable: true });
  });

  it('CSV-02 voids the release when a covered gate changes, back to release review; released again, it ships and the child ends', async () => {
    const { handle, code, batchNumber, release } = await journeyInReleaseReview();
    await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code));

    platform.services.gate(batchNumber, 'QA-02.1', 'release', {
      contentHash: 'QA-02.1-release-v2',
      detail: 'sterility result corrected',
    });
    await release.signal(releaseGatesChangedSignal, { reason: 'QC result corrected' });
    const voided = await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => v.stage === 'release-review' && v.releaseGates?.voidReason !== undefined,
    );
    expect(voided.releaseGates?.voidReason).toContain('QA-02.1 changed since the release');
    const [voiding] = platform.services.callsOf('voidRelease');
    expect(voiding.input).toMatchObject({ batchNumber, changed: ['QA-02.1'] });
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.at(-1)).toMatchObject({ kind: 'system', stage: 'release-review' });
    expect(timeline.at(-1)?.summary).toContain(`the release of batch ${batchNumber} is void`);
    await expectRefused(
      sendStep(handle, 'shipToSite', payloadFor('shipToSite', code)),
      'STEP_OUT_OF_ORDER',
    );

    // The gates settled on the corrected content: the qualified person releases again.
    expect((await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code))).stage).toBe(
      'released',
    );
    const shipped = await sendStep(handle, 'shipToSite', payloadFor('shipToSite', code));
    expect(shipped.stage).toBe('shipped');
    await childResult(platform.env, release);
    expect((await release.describe()).status.name).toBe('COMPLETED');

    for (const step of [
      'receiveAtSite',
      'recordThaw',
      'recordInfusion',
      'completeFollowUp',
    ] as const)
      await sendStep(handle, step, payloadFor(step, code));
    expect((await handle.result()).stage).toBe('closed');
    await recordHistory('release-void-rerelease', handle);
  });

  it('QA-02 refuses the shipment of a release that is void by the time it ships, even unsignalled', async () => {
    const { handle, code, batchNumber } = await journeyInReleaseReview();
    await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code));
    // A deviation reopened and nobody told the child: the journey finds it at shipment.
    platform.services.gate(batchNumber, 'QA-02.3', 'production', {
      status: 'open',
      detail: 'deviation DEV-7 reopened',
    });

    const refused = await refusal(sendStep(handle, 'shipToSite', payloadFor('shipToSite', code)));
    expect(refused.type).toBe('QA-02');
    expect(refused.message).toBe(
      `the shipment is refused: the release of batch ${batchNumber} is void: QA-02.3 is open now: deviation DEV-7 reopened (QA-02, CSV-02)`,
    );
    const shipments = platform.services
      .callsOf('shipToSite')
      .filter((c) => (c.input as StepActivityInput<unknown>).donorCode === code);
    expect(shipments).toHaveLength(0);
    const voidings = platform.services
      .callsOf('voidRelease')
      .filter((c) => (c.input as ReleaseGateQuery).batchNumber === batchNumber);
    expect(voidings).toHaveLength(1);
    expect((await handle.query(journeyViewQuery)).stage).toBe('release-review');
    await expectRefused(
      sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code)),
      'QA-02',
    );
  });

  it('QA-04 takes a QC result after the shipment in the stage it is, keeps the emergency it raised, and leaves the ended child alone', async () => {
    const { handle, code, release } = await journeyInReleaseReview();
    await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code));
    await sendStep(handle, 'shipToSite', payloadFor('shipToSite', code));
    await childResult(platform.env, release);
    const emergency = {
      deviationId: `EMG-${code}`,
      rule: 'QA-04' as const,
      detectedAt: new Date().toISOString(),
      description:
        'sterility result growth … is out of specification: the product is on hold (QA-04)',
    };
    platform.services.answer('recordQcResult', { deviations: [emergency] });
    try {
      const late = await sendStep(handle, 'recordQcResult', payloadFor('recordQcResult', code));
      expect(late.stage).toBe('shipped');
      expect(late.deviations).toEqual([emergency]);
    } finally {
      platform.services.answer('recordQcResult', {});
    }
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'step', step: 'recordQcResult', stage: 'shipped' }),
      expect.objectContaining({ kind: 'deviation', summary: emergency.description }),
    ]);
    expect(timeline.some((e) => e.summary.includes('not signalled'))).toBe(false);

    for (const step of ['receiveAtSite', 'recordThaw', 'recordInfusion'] as const)
      await sendStep(handle, step, payloadFor(step, code));
    // Still taken after the infusion (a 14-day sterility), leaving the stage as it is.
    const afterInfusion = await sendStep(
      handle,
      'recordQcResult',
      payloadFor('recordQcResult', code),
    );
    expect(afterInfusion.stage).toBe('follow-up');
    await sendStep(handle, 'completeFollowUp', payloadFor('completeFollowUp', code));
    expect((await handle.result()).stage).toBe('closed');
    await recordHistory('qc-result-after-shipment', handle);
  });

  it('continues as new after a bounded number of evaluations, keeping the release it covers', async () => {
    const { handle, code, batchNumber, release } = await journeyInReleaseReview();
    await sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', code));
    const firstRun = (await release.describe()).runId;
    for (let signal = 0; signal < 45; signal += 1) {
      const before = evaluationsOf(batchNumber);
      await signalChanged(release, `signal ${signal}`);
      await eventually(
        async () => evaluationsOf(batchNumber),
        (count) => count > before,
      );
    }
    const latest = platform.env.client.workflow.getHandle(batchReleaseWorkflowId(batchNumber));
    expect((await latest.describe()).runId).not.toBe(firstRun);
    expect((await latest.query(releaseGatesQuery))?.releasable).toBe(true);

    // The covered release crossed the continue-as-new: a change still voids it.
    platform.services.gate(batchNumber, 'PRD-05', 'production', {
      status: 'open',
      detail: 'EM excursion EX-3 not assessed',
    });
    await latest.signal(releaseGatesChangedSignal, { reason: 'EM excursion' });
    await eventually(
      () => handle.query(journeyViewQuery),
      (v: JourneyView) => v.stage === 'release-review',
    );
  });
});
