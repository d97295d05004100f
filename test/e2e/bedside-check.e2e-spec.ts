import { randomUUID } from 'node:crypto';
import type { NotificationPage } from '@v2v/contracts';
import {
  bedsideInfusion,
  happyPathSteps,
  pollUntil,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder } from './support/journeys';

type Order = Awaited<ReturnType<typeof newOrder>>;

/**
 * OTH-02, TRC-03, QA-04, TRC-04 on the running stack: journeys of INST-001 driven to the site's
 * receipt; the bedside check by the demo clinicians `hospital` and `hospital-2`
 * (`SECOND_CLINICIAN` of the testing lib).
 */
interface Refusal {
  code: string;
  message: string;
  details: { deviations?: Array<{ deviationId: string; rule: string }> };
}

async function receivedAtSite(): Promise<Order> {
  const order = await newOrder();
  for (const scripted of stepsBefore(happyPathSteps(order), 'recordInfusion')) {
    const res = await api.run(order.donorCode, scripted);
    expect({ step: scripted.step, status: res.status, body: res.body }).toMatchObject({
      step: scripted.step,
      status: 200,
    });
  }
  return order;
}

const infuse = (order: Order, options: Partial<Parameters<typeof bedsideInfusion>[0]> = {}) =>
  api.step<Refusal & { stage: string }>(
    'hospital',
    order.donorCode,
    'recordInfusion',
    bedsideInfusion({ ...order, endedAt: new Date().toISOString(), ...options }),
    randomUUID(),
  );

const stageOf = async (donorCode: string) =>
  (await api.as<{ view: { stage: string } }>('hospital', 'GET', `/api/journeys/${donorCode}`)).body
    .view.stage;

describe('the two-person bedside check (OTH-02, TRC-03, QA-04)', () => {
  it('OTH-02 refuses one clinician scanning twice, and a second clinician of another institution', async () => {
    const order = await receivedAtSite();
    const twice = await infuse(order, { clinicians: ['hospital', 'hospital'] });
    expect(twice).toMatchObject({ status: 403, body: { code: 'OTH-02' } });
    expect(twice.body.message).toContain('hospital scanned twice');
    const foreign = await infuse(order, { clinicians: ['hospital', 'hospital-inst-002'] });
    expect(foreign).toMatchObject({ status: 403, body: { code: 'OTH-02' } });
    expect(foreign.body.message).toContain('hospital-inst-002 is not an active clinician of');
    expect(await stageOf(order.donorCode)).toBe('received-at-site');
  });

  it('QA-04 refuses a scan of another patient with its deviation, seen by ops and in the hospital feed, and holds the product', async () => {
    const order = await receivedAtSite();
    const refused = await infuse(order, {
      scans: [undefined, { patientReference: 'PAT-WRONG-1' }],
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'IDENTITY_MISMATCH' } });
    const [deviation] = refused.body.details.deviations ?? [];
    expect(deviation).toMatchObject({ rule: 'QA-04' });

    const listed = await api.as<Array<{ deviationId: string; kind: string; status: string }>>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/deviations`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        deviationId: deviation.deviationId,
        kind: 'bedside-mismatch',
        status: 'open',
      }),
    ]);
    const journey = await api.as<{ view: { stage: string; deviations: unknown[] } }>(
      'hospital',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(journey.body.view).toMatchObject({
      stage: 'received-at-site',
      deviations: [expect.objectContaining({ deviationId: deviation.deviationId })],
    });
    const notified = await pollUntil(
      'the bedside deviation in the hospital feed',
      async () => {
        const feed = await api.as<NotificationPage>(
          'hospital',
          'GET',
          '/api/notifications?limit=100',
        );
        return feed.body.notifications.find(
          (n) => n.parameters.deviationId === deviation.deviationId,
        );
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    );
    expect(notified).toMatchObject({
      kind: 'deviation',
      severity: 'urgent',
      parameters: { rule: 'QA-04' },
    });

    // A correct check afterwards is held until QA closes the emergency.
    const held = await infuse(order);
    expect(held).toMatchObject({ status: 409, body: { code: 'QA-04' } });
  });

  it('OTH-02 TRC-04 two clinicians infuse with the use record, then the hospital reports an adverse reaction', async () => {
    const order = await receivedAtSite();
    const infusion = scriptedStep(happyPathSteps(order), 'recordInfusion');
    const infused = await api.run<{ stage: string; followUpEndsAt?: string }>(
      order.donorCode,
      infusion,
    );
    expect(infused).toMatchObject({ status: 200, body: { stage: 'follow-up' } });
    expect(infused.body.followUpEndsAt).toEqual(expect.any(String));

    const report = {
      description: 'cytokine release syndrome: fever 39.2 °C, hypotension responsive to fluids',
      onsetAt: new Date().toISOString(),
      severityGrade: 2,
      serious: true,
      outcome: 'recovering',
    };
    const path = `/api/journeys/${order.donorCode}/adverse-reactions`;
    const reported = await api.as<{ reactionId: string }>('hospital', 'POST', path, {
      body: report,
      idempotencyKey: randomUUID(),
    });
    expect(reported).toMatchObject({ status: 201, body: { severityGrade: 2, serious: true } });
    const foreign = await api.as('hospital-inst-002', 'POST', path, {
      body: report,
      idempotencyKey: randomUUID(),
    });
    expect(foreign.status).toBe(404);
    const listed = await api.as<Array<{ reactionId: string }>>('ops', 'GET', path);
    expect(listed.body).toEqual([
      expect.objectContaining({
        reactionId: reported.body.reactionId,
        reportedBy: { userId: 'hospital', role: 'hospital' },
      }),
    ]);
  });
});
