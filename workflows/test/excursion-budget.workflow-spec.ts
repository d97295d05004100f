import { DeviationNotice, legTelemetrySignal, type LegTelemetry } from '@v2v/contracts';
import { INTACT_SITE_RECEIPT } from '@v2v/testing';
import { childResult, timeSkippingEnvironment } from './support/environments';
import { payloadFor, sendStep, startJourney, stepsThrough } from './support/journey-driver';
import { SPEC_V1 } from './support/mock-services';
import { useMockedPlatform } from './support/mocked-platform';
import { recordHistory } from './support/record-history';

const platform = useMockedPlatform(timeSkippingEnvironment);
const transportBudget = SPEC_V1.transportToFactory.excursionBudget!;
const shipmentBudget = SPEC_V1.shipmentToSite.excursionBudget!;

/** A journey whose `leg` has just opened (the test server's time). */
async function openLeg(through: 'handOverToCourier' | 'shipToSite') {
  const handle = await startJourney(platform.env.client);
  const code = handle.workflowId.slice('journey-'.length);
  const now = new Date(await platform.env.currentTimeMs());
  for (const step of stepsThrough(through))
    await sendStep(handle, step, payloadFor(step, code, now));
  const leg = through === 'shipToSite' ? 'shipment-to-site' : 'transport-to-factory';
  const legWorkflowId = `${handle.workflowId}-${leg}-0`;
  return {
    handle,
    code,
    now,
    legWorkflowId,
    leg: platform.env.client.workflow.getHandle(legWorkflowId),
  };
}

/** What donor-intake tells a leg after an upload: its cumulative time out of range so far. */
const summary = (at: Date, temperatureC: number, minutesOutOfRange: number): LegTelemetry => {
  const reading = { measuredAt: at.toISOString(), temperatureC, loggerId: 'LOGGER-7' };
  return {
    count: 1,
    lastMeasuredAt: reading.measuredAt,
    firstExcursion: reading,
    minutesOutOfRange,
    worstExcursion: reading,
  };
};

function deviations(activity: string, journeyId: string): DeviationNotice[] {
  return platform.services
    .callsOf(activity)
    .map((c) => c.input as { journeyId: string; deviation: DeviationNotice })
    .filter((i) => i.journeyId === journeyId)
    .map((i) => i.deviation);
}

describe('excursions judged against the budget (QA-04, GEN-01; time skipping)', () => {
  it('QA-04 proposes use within the budget and holds the donor material once beyond it', async () => {
    const { handle, now, leg, legWorkflowId } = await openLeg('handOverToCourier');
    await leg.signal(legTelemetrySignal, summary(now, 9.5, 10));
    await platform.env.sleep('1m');
    const within = deviations('raiseTransportDeviation', handle.workflowId);
    expect(within).toHaveLength(1);
    expect(within[0]).toMatchObject({
      deviationId: `${legWorkflowId}-temperature-excursion`,
      rule: 'GEN-01',
    });
    expect(within[0].description).toContain(
      `10 min out of range, within the budget of ${transportBudget.maxMinutesOutOfRange} min`,
    );
    expect(within[0].description).toContain('proposed disposition use');

    // Later uploads pass the budget: one QA-04 deviation holds the material (DON-06.4).
    const beyond = transportBudget.maxMinutesOutOfRange + 15;
    await leg.signal(legTelemetrySignal, summary(now, 9.5, beyond));
    await leg.signal(legTelemetrySignal, summary(now, 9.5, beyond + 15));
    await platform.env.sleep('1m');
    const raised = deviations('raiseTransportDeviation', handle.workflowId);
    expect(raised).toHaveLength(2);
    expect(raised[1]).toMatchObject({
      deviationId: `${legWorkflowId}-excursion-beyond-budget`,
      rule: 'QA-04',
      leg: 'transport-to-factory',
    });
    expect(raised[1].description).toContain(transportBudget.stabilityReference);
    expect(raised[1].description).toContain(`${beyond} min out of range, beyond the budget`);
    expect(platform.services.callsOf('raiseExcursionEmergency')).toHaveLength(0);
    await handle.terminate('test done');
  });

  it('QA-04 raises the product emergency of a shipment beyond its budget, once', async () => {
    const { handle, code, now, leg, legWorkflowId } = await openLeg('shipToSite');
    const beyond = shipmentBudget.maxMinutesOutOfRange + 150;
    await leg.signal(legTelemetrySignal, summary(now, -140, beyond));
    await platform.env.sleep('1m');
    const shipment = deviations('raiseShipmentDeviation', handle.workflowId);
    expect(shipment).toHaveLength(1);
    expect(shipment[0].description).toContain('beyond the budget');
    const emergencies = platform.services
      .callsOf('raiseExcursionEmergency')
      .map((c) => c.input as { journeyId: string; deviation: DeviationNotice; budget: unknown })
      .filter((i) => i.journeyId === handle.workflowId);
    expect(emergencies).toEqual([
      expect.objectContaining({
        donorCode: code,
        minutesOutOfRange: beyond,
        budget: shipmentBudget,
        deviation: expect.objectContaining({
          deviationId: `${legWorkflowId}-excursion-beyond-budget`,
          rule: 'QA-04',
        }),
      }),
    ]);
    await sendStep(handle, 'receiveAtSite', {
      receivedAt: now.toISOString(),
      labelScan: code,
      inspection: INTACT_SITE_RECEIPT,
    });
    await childResult(platform.env, leg);
    await recordHistory('custody-leg-excursion-beyond-budget', leg);
    await handle.terminate('test done');
  });
});
