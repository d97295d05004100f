import { randomUUID } from 'node:crypto';
import type { JourneyView } from '@v2v/contracts';
import { type GatewayClient, happyPathSteps } from '@v2v/testing';

/** How one journey of the run ended. */
export interface JourneyOutcome {
  donorCode?: string;
  /** The stage its last step answered with. */
  stage?: string;
  /** Why it stopped, when a step was refused or the client gave up. */
  error?: string;
  seconds: number;
}

/**
 * One patient's whole journey, order to infusion, as the scripted users take it through the
 * gateway (`happyPathSteps`: every step, the logger uploads, the batch record, QC, the
 * release's preparation). A refused step ends the journey with its answer; the client decides
 * what is retried.
 */
export async function wholeJourney(api: GatewayClient): Promise<JourneyOutcome> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  let donorCode: string | undefined;
  try {
    const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference,
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
        requestedCollectionDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      },
    });
    if (order.status !== 201)
      return { error: `order: ${order.status} ${JSON.stringify(order.body)}`, seconds: seconds() };
    donorCode = order.body.donorCode;
    let stage: string | undefined;
    for (const scripted of happyPathSteps({ donorCode, patientReference })) {
      const res = await api.run<JourneyView>(donorCode, scripted);
      if (res.status !== 200)
        return {
          donorCode,
          stage,
          error: `${scripted.step}: ${res.status} ${JSON.stringify(res.body)}`,
          seconds: seconds(),
        };
      stage = res.body.stage;
    }
    return { donorCode, stage, seconds: seconds() };
  } catch (error) {
    return { donorCode, error: (error as Error).message, seconds: seconds() };
  }
}
