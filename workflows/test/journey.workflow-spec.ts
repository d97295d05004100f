import { randomUUID } from 'node:crypto';
import {
  InstitutionStandingNotice,
  institutionStandingSignal,
  JourneyStageKey,
  journeyStageQuery,
  journeyTimelineQuery,
  JourneyView,
  journeyViewQuery,
  stepRefusalQuery,
} from '@v2v/contracts';
import { devServerEnvironment } from './support/environments';
import {
  expectRefused,
  HAPPY_PATH,
  payloadFor,
  sendStep,
  startJourney,
  stepsThrough,
} from './support/journey-driver';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const platform = useMockedPlatform(devServerEnvironment);

describe('patientJourney on the Temporal dev server', () => {
  it('walks order → infusion → follow-up → closed and keeps the stage search attribute current', async () => {
    const handle = await startJourney(platform.env.client);
    const stages: string[] = [];
    for (const step of HAPPY_PATH) {
      const view = await sendStep(
        handle,
        step,
        payloadFor(step, handle.workflowId.slice('journey-'.length)),
      );
      stages.push(view.stage);
    }
    expect(stages).toEqual([
      'donor-screened',
      'collection-scheduled',
      'collected',
      'collected',
      'in-transit-to-factory',
      'received',
      'material-released',
      'in-production',
      'qc',
      'release-review',
      'released',
      'shipped',
      'received-at-site',
      // The thaw stays in the stage (OTH-01).
      'received-at-site',
      'follow-up',
    ]);
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(JourneyStageKey)).toBe('follow-up');

    const closed = await sendStep(handle, 'completeFollowUp', payloadFor('completeFollowUp', ''));
    expect(closed.stage).toBe('closed');
    const result: JourneyView = await handle.result();
    expect(result.stage).toBe('closed');
    expect(result.productSpecificationVersion).toBe(1);
    await recordHistory('happy-path-screened', handle);
  });

  it('GEN-03 keeps the specification version the journey started with when a new one is published', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    await sendStep(handle, 'recordDonorScreening', payloadFor('recordDonorScreening', code));
    await sendStep(handle, 'scheduleCollection', payloadFor('scheduleCollection', code));
    platform.services.latestSpecVersion = 2;
    try {
      const view = await sendStep(handle, 'recordCollection', payloadFor('recordCollection', code));
      expect(view.productSpecificationVersion).toBe(1);
      // Every service check of the running journey uses the pinned version, not the new one.
      const collection = platform.services
        .callsOf('recordCollection')
        .find((c) => (c.input as { journeyId: string }).journeyId === handle.workflowId);
      expect(
        (collection?.input as { specification: { version: number } }).specification.version,
      ).toBe(1);
      const later = await startJourney(platform.env.client);
      await sendStep(later, 'recordDonorScreening', payloadFor('recordDonorScreening', ''));
      expect((await later.query(journeyViewQuery)).productSpecificationVersion).toBe(2);
      await later.terminate('test done');
    } finally {
      platform.services.latestSpecVersion = 1;
    }
    await handle.terminate('test done');
  });

  it('refuses an out-of-order step with STEP_OUT_OF_ORDER and leaves the stage as it was', async () => {
    const handle = await startJourney(platform.env.client);
    await expectRefused(
      sendStep(handle, 'releaseBatch', payloadFor('releaseBatch', '')),
      'STEP_OUT_OF_ORDER',
    );
    expect(await handle.query(journeyStageQuery)).toBe('ordered');
    expect(
      platform.services
        .callsOf('releaseBatch')
        .filter((c) => (c.input as { journeyId: string }).journeyId === handle.workflowId),
    ).toHaveLength(0);
    await handle.terminate('test done');
  });

  it('applies a repeated step with the same event id once and answers it the same', async () => {
    const handle = await startJourney(platform.env.client);
    const eventId = randomUUID();
    const first = await sendStep(
      handle,
      'recordDonorScreening',
      payloadFor('recordDonorScreening', ''),
      eventId,
    );
    const again = await sendStep(
      handle,
      'recordDonorScreening',
      payloadFor('recordDonorScreening', ''),
      eventId,
    );
    expect(again).toEqual(first);
    const calls = platform.services
      .callsOf('recordDonorScreening')
      .filter((c) => (c.input as { eventId: string }).eventId === eventId);
    expect(calls).toHaveLength(1);
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.filter((t) => t.step === 'recordDonorScreening')).toHaveLength(1);
    await handle.terminate('test done');
  });

  it('answers the refusal query as its validator: a held event id is not refused, a new one is', async () => {
    const handle = await startJourney(platform.env.client);
    const eventId = randomUUID();
    const step = 'recordDonorScreening';
    const actor = { userId: 'tester', role: 'ops' as const };
    const command = (id: string) => ({ eventId: id, actor, payload: payloadFor(step, '') });
    expect(await handle.query(stepRefusalQuery, step, command(eventId))).toBeNull();
    await sendStep(handle, step, payloadFor(step, ''), eventId);
    // The stage has moved on: only the repeat of the step it holds passes.
    expect(await handle.query(stepRefusalQuery, step, command(eventId))).toBeNull();
    expect(await handle.query(stepRefusalQuery, step, command(randomUUID()))).toMatchObject({
      reasonCode: 'STEP_OUT_OF_ORDER',
    });
    await handle.terminate('test done');
  });

  it('fails the step with the service refusal code and keeps the stage', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    for (const step of stepsThrough('handOverToCourier'))
      await sendStep(handle, step, payloadFor(step, code));
    platform.services.refuse(
      'recordMaterialReceipt',
      'IDENTITY_MISMATCH',
      'scanned code does not match',
    );
    try {
      await expectRefused(
        sendStep(handle, 'recordMaterialReceipt', payloadFor('recordMaterialReceipt', code)),
        'IDENTITY_MISMATCH',
      );
    } finally {
      platform.services.allow('recordMaterialReceipt');
    }
    expect(await handle.query(journeyStageQuery)).toBe('in-transit-to-factory');
    const retried = await sendStep(
      handle,
      'recordMaterialReceipt',
      payloadFor('recordMaterialReceipt', code),
    );
    expect(retried.stage).toBe('received');
    await handle.terminate('test done');
  });

  it('DON-04 quarantines a unit that failed receipt inspection, takes the rejection branch to a recollection and on to a cancelled journey', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    for (const step of stepsThrough('handOverToCourier'))
      await sendStep(handle, step, payloadFor(step, code));
    platform.services.answer('recordMaterialReceipt', {
      outcome: 'quarantined',
      summary: 'receipt inspection failed DON-04.3',
    });
    try {
      expect(
        (await sendStep(handle, 'recordMaterialReceipt', payloadFor('recordMaterialReceipt', code)))
          .stage,
      ).toBe('material-quarantined');
    } finally {
      platform.services.answer('recordMaterialReceipt', {});
    }
    await expectRefused(
      sendStep(handle, 'releaseMaterial', payloadFor('releaseMaterial', code)),
      'STEP_OUT_OF_ORDER',
    );
    expect(
      (await sendStep(handle, 'rejectMaterial', payloadFor('rejectMaterial', code))).stage,
    ).toBe('material-rejected');
    const recollection = await sendStep(
      handle,
      'scheduleCollection',
      payloadFor('scheduleCollection', code),
    );
    expect(recollection).toMatchObject({ stage: 'collection-scheduled', recollections: 1 });
    expect((await sendStep(handle, 'cancelJourney', payloadFor('cancelJourney', code))).stage).toBe(
      'cancelled',
    );
    expect((await handle.result()).stage).toBe('cancelled');
    await recordHistory('quarantine-rejection-recollection-cancelled', handle);
  });

  it('DON-02 holds the institution steps of a running journey from a suspension notice until the reinstatement notice', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    await sendStep(handle, 'recordDonorScreening', payloadFor('recordDonorScreening', code));
    const notice = (
      decisionId: string,
      status: 'suspended' | 'approved',
      decidedAt: string,
    ): InstitutionStandingNotice => ({
      decisionId,
      institutionId: 'INST-001',
      decision: status === 'suspended' ? 'suspend' : 'reinstate',
      fromStatus: status === 'suspended' ? 'approved' : 'suspended',
      status,
      reason: status === 'suspended' ? 'mislabelled unit' : 'CAPA closed',
      decidedBy: { userId: 'qa-qp', role: 'qa-qp' },
      decidedAt,
    });
    await handle.signal(
      institutionStandingSignal,
      notice('d-suspend', 'suspended', '2026-11-25T10:00:00.000Z'),
    );
    await expectRefused(
      sendStep(handle, 'scheduleCollection', payloadFor('scheduleCollection', code)),
      'DON-02',
    );
    expect(
      platform.services
        .callsOf('scheduleCollection')
        .filter((c) => (c.input as { journeyId: string }).journeyId === handle.workflowId),
    ).toHaveLength(0);
    expect((await handle.query(journeyViewQuery)).institutionNotice).toMatchObject({
      decisionId: 'd-suspend',
      status: 'suspended',
    });

    await handle.signal(
      institutionStandingSignal,
      notice('d-reinstate', 'approved', '2026-11-25T12:00:00.000Z'),
    );
    expect(
      (await sendStep(handle, 'scheduleCollection', payloadFor('scheduleCollection', code))).stage,
    ).toBe('collection-scheduled');
    const notices = (await handle.query(journeyTimelineQuery)).filter(
      (t) => t.kind === 'institution-notice',
    );
    expect(notices.map((t) => t.eventId)).toEqual(['d-suspend', 'd-reinstate']);
    await sendStep(handle, 'cancelJourney', payloadFor('cancelJourney', code));
    await handle.result();
    await recordHistory('institution-suspension-hold', handle);
  });
});
