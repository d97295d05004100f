import { DeviationNotice, journeyTimelineQuery, journeyViewQuery } from '@v2v/contracts';
import { timeSkippingEnvironment } from './support/environments';
import {
  expectRefused,
  payloadFor,
  sendStep,
  startJourney,
  stepsThrough,
} from './support/journey-driver';
import { SPEC_V1 } from './support/mock-services';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const DAY_MS = 86_400_000;
const platform = useMockedPlatform(timeSkippingEnvironment);

/** A journey driven to the site's receipt, and the time its steps report. */
async function receivedAtSite() {
  const handle = await startJourney(platform.env.client);
  const code = handle.workflowId.slice('journey-'.length);
  const now = new Date(await platform.env.currentTimeMs());
  for (const step of stepsThrough('recordThaw'))
    await sendStep(handle, step, payloadFor(step, code, now));
  return { handle, code, now };
}

const completion = (outcomeKind: string) =>
  ({ outcome: 'complete response, no relapse', outcomeKind }) as never;

describe('the follow-up period (time skipping)', () => {
  it("runs the specification's followUpDays from the infusion; completing the period is refused before its end", async () => {
    const { handle, code, now } = await receivedAtSite();
    const infusion = payloadFor('recordInfusion', code, now) as { infusedAt: string };
    const view = await sendStep(handle, 'recordInfusion', infusion as never);
    expect(view.stage).toBe('follow-up');
    const endsAt = new Date(Date.parse(infusion.infusedAt) + SPEC_V1.followUpDays * DAY_MS);
    expect(view.followUpEndsAt).toBe(endsAt.toISOString());

    await expectRefused(
      sendStep(handle, 'completeFollowUp', completion('period-completed')),
      'STEP_OUT_OF_ORDER',
    );
    await platform.env.sleep(`${SPEC_V1.followUpDays - 1}d`);
    const timeline = () => handle.query(journeyTimelineQuery);
    expect((await timeline()).some((t) => t.summary.startsWith('follow-up period ended'))).toBe(
      false,
    );
    await platform.env.sleep('1d');
    expect(
      (await timeline()).filter((t) => t.summary.startsWith('follow-up period ended')),
    ).toEqual([expect.objectContaining({ kind: 'system', stage: 'follow-up' })]);

    const closed = await sendStep(handle, 'completeFollowUp', completion('period-completed'));
    expect(closed.stage).toBe('closed');
    expect((await handle.result()).stage).toBe('closed');
    await recordHistory('follow-up-period', handle);
  });

  it('QA-04 records the deviation a refused bedside check raised, and a death ends the follow-up early', async () => {
    const { handle, code, now } = await receivedAtSite();
    const deviation: DeviationNotice = {
      deviationId: `bedside-${code}`,
      rule: 'QA-04',
      detectedAt: now.toISOString(),
      description: `bedside check of ${code} does not match: … (QA-04)`,
    };
    platform.services.refuse('recordInfusion', 'IDENTITY_MISMATCH', 'the infusion is refused', {
      deviations: [deviation],
    });
    try {
      await expectRefused(
        sendStep(handle, 'recordInfusion', payloadFor('recordInfusion', code, now)),
        'IDENTITY_MISMATCH',
      );
    } finally {
      platform.services.allow('recordInfusion');
    }
    const refused = await handle.query(journeyViewQuery);
    expect(refused.stage).toBe('received-at-site');
    expect(refused.deviations).toEqual([deviation]);

    await sendStep(handle, 'recordInfusion', payloadFor('recordInfusion', code, now));
    const closed = await sendStep(handle, 'completeFollowUp', completion('death'));
    expect(closed).toMatchObject({ stage: 'closed', deviations: [deviation] });
    expect((await handle.result()).stage).toBe('closed');
    await recordHistory('bedside-mismatch-deviation', handle);
  });
});
