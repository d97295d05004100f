import type { DeviationNotice } from '@v2v/contracts';
import { happyPathSteps, loggerReadings, pollUntil, scriptedStep, stepsBefore } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

/**
 * QA-04 on the running stack: logger readings on the shipment to the site are judged against
 * the reference specification's budget (30 min out of -196–-150 °C). Ten minutes at -140 °C
 * raise the excursion deviation with the proposed disposition and the infusion goes ahead;
 * three hours raise the emergency on the product, and the infusion is refused (QA-04).
 */
const MINUTE_MS = 60_000;

const deviationsOf = async (donorCode: string) =>
  (
    await api.as<{ view: { deviations: DeviationNotice[] } }>(
      'ops',
      'GET',
      `/api/journeys/${donorCode}`,
    )
  ).body.view.deviations;

/** A journey shipped to its site whose logger was `minutesOut` at -140 °C, then back in range. */
async function shippedWithExcursion(minutesOut: number, everyMinutes: number) {
  const order = await newOrder();
  const steps = happyPathSteps(order);
  for (const scripted of stepsBefore(steps, 'receiveAtSite'))
    expect((await api.run(order.donorCode, scripted)).status).toBe(200);
  const back = Date.now() - MINUTE_MS;
  const from = back - minutesOut * MINUTE_MS;
  const warm = loggerReadings({
    donorCode: order.donorCode,
    leg: 'shipment-to-site',
    from: new Date(from).toISOString(),
    to: new Date(back - everyMinutes * MINUTE_MS).toISOString(),
    everyMinutes,
    temperatureC: -140,
    loggerId: 'DRYSHIPPER-LOGGER-7',
  });
  // One upload: the leg's first summary already holds the whole time out of range.
  await api.uploadReadings({
    ...warm,
    readings: [...warm.readings, { measuredAt: new Date(back).toISOString(), temperatureC: -180 }],
  });
  const excursion = await pollUntil('the shipment excursion on the journey', async () =>
    (await deviationsOf(order.donorCode)).find((d) =>
      d.deviationId.endsWith('shipment-to-site-0-temperature-excursion'),
    ),
  );
  return { order, steps, excursion };
}

describe('temperature excursions judged against the budget (QA-04)', () => {
  it('QA-04 proposes use for 10 min out of range and lets the infusion go ahead', async () => {
    const { order, steps, excursion } = await shippedWithExcursion(10, 1);
    expect(excursion.description).toContain('10 min out of range, within the budget of 30 min');
    expect(excursion.description).toContain('proposed disposition use');
    for (const step of ['receiveAtSite', 'recordThaw', 'recordInfusion'] as const)
      expect((await api.run(order.donorCode, scriptedStep(steps, step))).status).toBe(200);
    expect((await deviationsOf(order.donorCode)).some((d) => d.rule === 'QA-04')).toBe(false);
  });

  it('QA-04 holds the product for 3 h out of range: the thaw is refused, so is the infusion', async () => {
    const { order, steps } = await shippedWithExcursion(180, 15);
    const emergency = await pollUntil('the excursion emergency on the journey', async () =>
      (await deviationsOf(order.donorCode)).find((d) => d.rule === 'QA-04'),
    );
    expect(emergency.description).toContain('180 min out of range, beyond the budget of 30 min');
    // Received (custody passed to the site), but on hold: neither thawed nor infused.
    expect((await api.run(order.donorCode, scriptedStep(steps, 'receiveAtSite'))).status).toBe(200);
    for (const step of ['recordThaw', 'recordInfusion'] as const) {
      const refused = await api.run<{ code: string; message: string }>(
        order.donorCode,
        scriptedStep(steps, step),
      );
      expect({ step, status: refused.status, code: refused.body.code }).toEqual(
        step === 'recordThaw'
          ? { step, status: 409, code: 'QA-04' }
          : // The journey asks for the thaw first (OTH-01), before the release service's hold.
            { step, status: 409, code: 'STEP_OUT_OF_ORDER' },
      );
      if (step === 'recordThaw')
        expect(refused.body.message).toContain('on hold while an emergency is open');
    }
  });
});
