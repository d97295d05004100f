import {
  CustodyLegBinding,
  DeviationNotice,
  legTelemetryQuery,
  legTelemetrySignal,
  LoggedReading,
  pendingDeadlinesQuery,
  summariseReadings,
} from '@v2v/contracts';
import { LEG_SIGNALS_PER_RUN } from '../src/custody-leg.workflow';
import { timeSkippingEnvironment } from './support/environments';
import { payloadFor, sendStep, startJourney, stepsThrough } from './support/journey-driver';
import { SPEC_V1 } from './support/mock-services';
import { MockedPlatform, useMockedPlatform } from './support/mocked-platform';

const MINUTE_MS = 60_000;
const range = {
  minTemperatureC: SPEC_V1.transportToFactory.minTemperatureC,
  maxTemperatureC: SPEC_V1.transportToFactory.maxTemperatureC,
};

async function handedOverJourney(platform: MockedPlatform) {
  const handle = await startJourney(platform.env.client);
  const code = handle.workflowId.slice('journey-'.length);
  const now = new Date(await platform.env.currentTimeMs());
  for (const step of stepsThrough('handOverToCourier'))
    await sendStep(handle, step, payloadFor(step, code, now));
  const legWorkflowId = `${handle.workflowId}-transport-to-factory-0`;
  return { handle, code, legWorkflowId, handedOverAt: now.getTime() };
}

/** Upload `n`: three readings of LOGGER-7, ten minutes apart, the one of `hot` at 11.4 °C. */
function upload(n: number, handedOverAt: number, hot?: number): LoggedReading[] {
  return [0, 1, 2].map((i) => ({
    loggerId: 'LOGGER-7',
    measuredAt: new Date(handedOverAt + (n * 3 + i) * 10 * MINUTE_MS).toISOString(),
    temperatureC: n === hot && i === 1 ? 11.4 : 5,
  }));
}

/**
 * What donor-intake does after storing each upload: the open leg gets its summary, one upload
 * after the other (the consumer applies a donor code's messages in order, each signal awaited).
 * Loggers upload minutes apart; a pause of a second every ten uploads stands for that: a leg
 * continues as new in a quiet moment (the server refuses it while signals are still arriving).
 */
async function sendUploads(
  platform: MockedPlatform,
  legWorkflowId: string,
  count: number,
  handedOverAt: number,
  hot?: number,
) {
  const leg = platform.env.client.workflow.getHandle(legWorkflowId);
  for (let n = 0; n < count; n++) {
    await leg.signal(legTelemetrySignal, summariseReadings(upload(n, handedOverAt, hot), range)!);
    if (n % 10 === 9) await platform.env.sleep('1s');
  }
}

function deviationCallsOf(platform: MockedPlatform, journeyId: string) {
  return platform.services
    .callsOf('raiseTransportDeviation')
    .filter((c) => (c.input as { journeyId: string }).journeyId === journeyId)
    .map((c) => (c.input as { deviation: DeviationNotice }).deviation);
}

// The 2,000 uploads take about 15 s alone, longer beside other suites: a timeout of their own.
describe('custody leg telemetry bounds (time skipping)', () => {
  const platform = useMockedPlatform(timeSkippingEnvironment);

  it('GEN-01 binds the transport leg to the logger its hand-over named', async () => {
    const { handle, code, legWorkflowId } = await handedOverJourney(platform);
    await platform.env.sleep('1m');
    const bindings = platform.services
      .callsOf('bindCustodyLegLogger')
      .map((c) => c.input as CustodyLegBinding)
      .filter((b) => b.journeyId === handle.workflowId);
    expect(bindings).toEqual([
      expect.objectContaining({
        legWorkflowId,
        donorCode: code,
        leg: 'transport-to-factory',
        loggerId: 'LOGGER-7',
        temperatureRange: range,
      }),
    ]);
    await handle.terminate('test done');
  });

  it('GEN-01 takes 2,000 uploads on one open leg with bounded histories and one deviation', async () => {
    const { handle, code, legWorkflowId, handedOverAt } = await handedOverJourney(platform);
    const { client } = platform.env;
    await platform.env.sleep('1m');
    const journeyEventsBefore = (await handle.describe()).historyLength;
    const firstRunId = (await client.workflow.getHandle(legWorkflowId).describe()).runId;

    await sendUploads(platform, legWorkflowId, 2000, handedOverAt, 1234);
    await platform.env.sleep('1m');

    // One excursion among 6,000 readings: exactly one deviation, naming it.
    const deviations = deviationCallsOf(platform, handle.workflowId);
    expect(deviations).toHaveLength(1);
    expect(deviations[0].deviationId).toBe(`${legWorkflowId}-temperature-excursion`);
    expect(deviations[0].description).toContain('11.4 °C');
    expect(deviations[0].description).toContain(upload(1234, handedOverAt, 1234)[1].measuredAt);

    // The journey never saw the uploads: only the deviation notice reached its history.
    const journey = await handle.describe();
    expect(journey.status.name).toBe('RUNNING');
    expect(journey.historyLength - journeyEventsBefore).toBeLessThan(10);
    expect(journey.historyLength).toBeLessThan(300);

    // The leg continued as new and each run stayed small; the summary survived every run.
    const leg = client.workflow.getHandle(legWorkflowId);
    const legRun = await leg.describe();
    expect(legRun.status.name).toBe('RUNNING');
    expect(legRun.runId).not.toBe(firstRunId);
    expect(legRun.historyLength).toBeLessThan(LEG_SIGNALS_PER_RUN * 5);
    const firstRun = await client.workflow.getHandle(legWorkflowId, firstRunId).describe();
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');
    expect(firstRun.historyLength).toBeLessThan(LEG_SIGNALS_PER_RUN * 5);
    expect(await leg.query(legTelemetryQuery)).toEqual({
      count: 6000,
      lastMeasuredAt: upload(1999, handedOverAt)[2].measuredAt,
      firstExcursion: { ...upload(1234, handedOverAt, 1234)[1] },
    });

    // The receipt still reaches the continued leg, which completes; no second deviation.
    await sendStep(handle, 'recordMaterialReceipt', payloadFor('recordMaterialReceipt', code));
    expect(await handle.query(pendingDeadlinesQuery)).toEqual([]);
    await platform.env.sleep('1m');
    expect((await leg.describe()).status.name).toBe('COMPLETED');
    expect(deviationCallsOf(platform, handle.workflowId)).toHaveLength(1);
    await handle.terminate('test done');
  }, 300_000);
});

// A test server of its own: run after the 2,000 uploads above in the same server, its pauses
// were no longer skipped but ran in real time (seen, not explained), past the test's timeout.
describe('custody leg time limit across continue-as-new (time skipping)', () => {
  const later = useMockedPlatform(timeSkippingEnvironment);

  it('GEN-01 keeps the time limit across continue-as-new: one deviation at 48 h', async () => {
    const { handle, legWorkflowId, handedOverAt } = await handedOverJourney(later);
    const { client } = later.env;
    await sendUploads(later, legWorkflowId, LEG_SIGNALS_PER_RUN + 10, handedOverAt);
    const leg = client.workflow.getHandle(legWorkflowId);
    const runBefore = (await leg.describe()).runId;
    await later.env.sleep('47h');
    expect(deviationCallsOf(later, handle.workflowId)).toHaveLength(0);
    await later.env.sleep('2h');
    const deviations = deviationCallsOf(later, handle.workflowId);
    expect(deviations.map((d) => d.deviationId)).toEqual([`${legWorkflowId}-time-limit`]);
    // More uploads after the limit: another run, no second deviation.
    await sendUploads(later, legWorkflowId, LEG_SIGNALS_PER_RUN + 10, handedOverAt + 1);
    await later.env.sleep('1m');
    expect(deviationCallsOf(later, handle.workflowId)).toHaveLength(1);
    expect((await leg.describe()).runId).not.toBe(runBefore);
    await handle.terminate('test done');
  });
});
