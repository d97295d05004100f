import {
  DeviationNotice,
  journeyTimelineQuery,
  journeyViewQuery,
  pendingDeadlinesQuery,
  temperatureReadingsSignal,
} from '@v2v/contracts';
import { timeSkippingEnvironment } from './support/environments';
import { payloadFor, sendStep, startJourney, stepsThrough } from './support/journey-driver';
import { SPEC_V1 } from './support/mock-services';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const HOUR_MS = 3_600_000;
const platform = useMockedPlatform(timeSkippingEnvironment);

async function handedOverJourney() {
  const handle = await startJourney(platform.env.client);
  const code = handle.workflowId.slice('journey-'.length);
  const now = new Date(await platform.env.currentTimeMs());
  for (const step of stepsThrough('handOverToCourier'))
    await sendStep(handle, step, payloadFor(step, code, now));
  // The hand-over the step reports: the leg's limit counts from it (GEN-01).
  return { handle, code, handOverAt: now.getTime() };
}

function deviationCallsOf(journeyId: string) {
  return platform.services
    .callsOf('raiseTransportDeviation')
    .filter((c) => (c.input as { journeyId: string }).journeyId === journeyId);
}

describe('custody leg deadlines (time skipping)', () => {
  it('GEN-01 raises a deviation the moment the transport leg exceeds its 48 h limit', async () => {
    const { handle, code, handOverAt } = await handedOverJourney();
    const [deadline] = await handle.query(pendingDeadlinesQuery);
    expect(deadline).toMatchObject({ rule: 'GEN-01' });
    expect(Date.parse(deadline.dueAt) - handOverAt).toBe(
      SPEC_V1.transportToFactory.maxHours * HOUR_MS,
    );

    await platform.env.sleep('47h');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(0);
    await platform.env.sleep('2h');

    const calls = deviationCallsOf(handle.workflowId);
    expect(calls).toHaveLength(1);
    const { deviation } = calls[0].input as { deviation: DeviationNotice };
    expect(deviation).toMatchObject({ rule: 'GEN-01', leg: 'transport-to-factory' });
    // Raised at the limit itself, not when someone next looked.
    const lateByMs = Date.parse(deviation.detectedAt) - Date.parse(deadline.dueAt);
    expect(lateByMs).toBeGreaterThanOrEqual(0);
    expect(lateByMs).toBeLessThan(1000);
    expect(calls[0].scheduledAt - handOverAt).toBeLessThan(48 * HOUR_MS + 60_000);

    const view = await handle.query(journeyViewQuery);
    expect(view.deviations.map((d) => d.deviationId)).toEqual([deviation.deviationId]);
    const timeline = await handle.query(journeyTimelineQuery);
    expect(timeline.filter((t) => t.kind === 'deviation')).toHaveLength(1);

    // The late material is still received; the leg closes and its deadline disappears.
    expect(
      (await sendStep(handle, 'recordMaterialReceipt', payloadFor('recordMaterialReceipt', code)))
        .stage,
    ).toBe('received');
    expect(await handle.query(pendingDeadlinesQuery)).toEqual([]);
    await sendStep(handle, 'cancelJourney', payloadFor('cancelJourney', code));
    await handle.result();
    await recordHistory('transport-deadline-deviation-screened', handle);
  });

  it('GEN-01 counts the limit from the hand-over time the step reports, not from when it was entered', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    const now = await platform.env.currentTimeMs();
    for (const step of stepsThrough('recordPostCollectionStorage'))
      await sendStep(handle, step, payloadFor(step, code));
    // Entered 47 h after the courier took the material: 1 h of the 48 h limit is left.
    const handedOverAt = new Date(now - 47 * HOUR_MS);
    await sendStep(
      handle,
      'handOverToCourier',
      payloadFor('handOverToCourier', code, handedOverAt),
    );
    const [deadline] = await handle.query(pendingDeadlinesQuery);
    expect(Date.parse(deadline.dueAt)).toBe(handedOverAt.getTime() + 48 * HOUR_MS);
    await platform.env.sleep('50m');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(0);
    await platform.env.sleep('20m');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(1);
    await handle.terminate('test done');
  });

  it('GEN-01 raises the deviation at once for a hand-over entered after its limit had passed', async () => {
    const handle = await startJourney(platform.env.client);
    const code = handle.workflowId.slice('journey-'.length);
    const now = await platform.env.currentTimeMs();
    for (const step of stepsThrough('recordPostCollectionStorage'))
      await sendStep(handle, step, payloadFor(step, code));
    const lateEntry = new Date(now - 50 * HOUR_MS);
    await sendStep(handle, 'handOverToCourier', payloadFor('handOverToCourier', code, lateEntry));
    await platform.env.sleep('1m');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(1);
    await handle.terminate('test done');
  });

  it('GEN-01 raises nothing when the material is received within the limit', async () => {
    const { handle, code } = await handedOverJourney();
    await platform.env.sleep('40h');
    await sendStep(handle, 'recordMaterialReceipt', payloadFor('recordMaterialReceipt', code));
    await platform.env.sleep('72h');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(0);
    expect(await handle.query(pendingDeadlinesQuery)).toEqual([]);
    expect((await handle.query(journeyViewQuery)).deviations).toEqual([]);
    await handle.terminate('test done');
  });

  it('GEN-01 raises a deviation the moment a logger reading leaves the temperature range, once per leg', async () => {
    const { handle, code, handOverAt } = await handedOverJourney();
    await platform.env.sleep('5h');
    const readings = (temperatureC: number) => ({
      leg: 'transport-to-factory' as const,
      loggerId: 'LOGGER-7',
      readings: [
        { measuredAt: '2026-12-01T13:00:00Z', temperatureC: 5 },
        { measuredAt: '2026-12-01T13:20:00Z', temperatureC },
      ],
    });
    await handle.signal(temperatureReadingsSignal, readings(5.5));
    await platform.env.sleep('1m');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(0);

    await handle.signal(temperatureReadingsSignal, readings(11.4));
    await platform.env.sleep('1m');
    const calls = deviationCallsOf(handle.workflowId);
    expect(calls).toHaveLength(1);
    const { deviation } = calls[0].input as { deviation: DeviationNotice };
    expect(deviation.description).toContain('11.4 °C');
    expect(deviation.deviationId).toMatch(/temperature-excursion$/);
    // Raised when the reading arrived (about 5 h after hand-over), not at the 48 h limit.
    expect(calls[0].scheduledAt - handOverAt).toBeGreaterThanOrEqual(5 * HOUR_MS);
    expect(calls[0].scheduledAt - handOverAt).toBeLessThan(5 * HOUR_MS + 5 * 60_000);
    expect((await handle.query(journeyViewQuery)).deviations.map((d) => d.deviationId)).toEqual([
      deviation.deviationId,
    ]);

    await handle.signal(temperatureReadingsSignal, readings(12));
    await platform.env.sleep('1m');
    expect(deviationCallsOf(handle.workflowId)).toHaveLength(1);
    await sendStep(handle, 'recordMaterialReceipt', payloadFor('recordMaterialReceipt', code));
    await sendStep(handle, 'cancelJourney', payloadFor('cancelJourney', code));
    await handle.result();
    await recordHistory('transport-temperature-excursion', handle);
  });
});
