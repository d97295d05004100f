import {
  DeviationNotice,
  journeyViewQuery,
  pendingDeadlinesQuery,
  type StepPayload,
} from '@v2v/contracts';
import { bedsideInfusion, INTACT_SITE_RECEIPT } from '@v2v/testing';
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

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const platform = useMockedPlatform(timeSkippingEnvironment);
const instructions = SPEC_V1.instructionsForUse!;

/** A journey received at the site now (the test server's time): its site storage leg is open. */
async function receivedJourney() {
  const handle = await startJourney(platform.env.client);
  const code = handle.workflowId.slice('journey-'.length);
  const now = new Date(await platform.env.currentTimeMs());
  for (const step of stepsThrough('shipToSite'))
    await sendStep(handle, step, payloadFor(step, code, now));
  await sendStep(handle, 'receiveAtSite', {
    receivedAt: now.toISOString(),
    labelScan: code,
    inspection: INTACT_SITE_RECEIPT,
  });
  return { handle, code, receivedAt: now.getTime() };
}

const thawAt = (completedAt: number): StepPayload<'recordThaw'> => ({
  thawStartedAt: new Date(completedAt - 3 * MINUTE_MS).toISOString(),
  thawCompletedAt: new Date(completedAt).toISOString(),
  bathTemperatureC: 37,
  methodNote: 'water bath',
});

function deviationsOf(journeyId: string, leg: string) {
  return platform.services
    .callsOf('raiseShipmentDeviation')
    .map((c) => c.input as { journeyId: string; deviation: DeviationNotice })
    .filter((i) => i.journeyId === journeyId && i.deviation.leg === leg)
    .map((i) => i.deviation);
}

describe('the site legs (GEN-01, OTH-01; time skipping)', () => {
  it('GEN-01 opens site storage at the receipt with the instructions for use’s limit', async () => {
    const { handle, receivedAt } = await receivedJourney();
    const deadlines = await handle.query(pendingDeadlinesQuery);
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0].id).toContain('site-storage');
    expect(Date.parse(deadlines[0].dueAt) - receivedAt).toBe(
      instructions.siteStorage.maxHours * HOUR_MS,
    );
    await platform.env.sleep(`${instructions.siteStorage.maxHours + 1}h`);
    const [deviation] = deviationsOf(handle.workflowId, 'site-storage');
    expect(deviation).toMatchObject({ rule: 'GEN-01', leg: 'site-storage' });
    expect(deviation.description).toContain(`${instructions.siteStorage.maxHours} h time limit`);
    await handle.terminate('test done');
  });

  it('OTH-01 refuses the infusion before the thaw, and a second thaw', async () => {
    const { handle, code } = await receivedJourney();
    const now = await platform.env.currentTimeMs();
    await expectRefused(
      sendStep(
        handle,
        'recordInfusion',
        bedsideInfusion({
          donorCode: code,
          patientReference: 'PAT-WF-1',
          endedAt: new Date(now).toISOString(),
        }),
      ),
      'STEP_OUT_OF_ORDER',
    );
    await sendStep(handle, 'recordThaw', thawAt(now));
    await expectRefused(sendStep(handle, 'recordThaw', thawAt(now)), 'STEP_OUT_OF_ORDER');
    await handle.terminate('test done');
  });

  it('GEN-01 the thaw ends site storage and starts thaw-to-infusion; its deadline passing raises the deviation, the infusion ends the leg', async () => {
    const { handle, code } = await receivedJourney();
    const completedAt = await platform.env.currentTimeMs();
    const thawed = await sendStep(handle, 'recordThaw', thawAt(completedAt));
    expect(thawed.stage).toBe('received-at-site');
    const deadlines = await handle.query(pendingDeadlinesQuery);
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0].id).toContain('thaw-to-infusion');
    const limitMs = instructions.transferToBedside.maxMinutesFromThawToInfusion * MINUTE_MS;
    expect(Date.parse(deadlines[0].dueAt) - completedAt).toBe(limitMs);

    await platform.env.sleep(limitMs - MINUTE_MS);
    expect(deviationsOf(handle.workflowId, 'thaw-to-infusion')).toEqual([]);
    await platform.env.sleep(2 * MINUTE_MS);
    const [deviation] = deviationsOf(handle.workflowId, 'thaw-to-infusion');
    expect(deviation).toMatchObject({ rule: 'GEN-01', leg: 'thaw-to-infusion' });
    // The site storage leg closed at the thaw's start: it raised nothing.
    expect(deviationsOf(handle.workflowId, 'site-storage')).toEqual([]);
    const view = await handle.query(journeyViewQuery);
    expect(view.deviations.map((d) => d.deviationId)).toEqual([deviation.deviationId]);

    const endedAt = new Date(await platform.env.currentTimeMs()).toISOString();
    const infused = await sendStep(
      handle,
      'recordInfusion',
      bedsideInfusion({ donorCode: code, patientReference: 'PAT-WF-1', endedAt }),
    );
    expect(infused.stage).toBe('follow-up');
    expect(await handle.query(pendingDeadlinesQuery)).toEqual([]);
    await sendStep(handle, 'completeFollowUp', payloadFor('completeFollowUp', code));
    await handle.result();
    await recordHistory('site-legs-thaw-deadline-deviation', handle);
  });
});
