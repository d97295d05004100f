import { randomUUID } from 'node:crypto';
import {
  demoUserPassword,
  happyPathSteps,
  INTACT_SITE_RECEIPT,
  pollUntil,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder } from './support/journeys';
import { labelFile } from './support/labels';

interface Refusal {
  code: string;
  message: string;
}
interface Deviation {
  deviationId: string;
  rule: string;
  description: string;
}

const signature = { password: demoUserPassword() };

/** A journey of INST-001 driven up to `step`, its scripted steps. */
async function journeyBefore(step: 'receiveAtSite' | 'recordThaw') {
  const order = await newOrder();
  const steps = happyPathSteps(order);
  for (const scripted of stepsBefore(steps, step))
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  return { donorCode: order.donorCode, steps };
}

/** The QA-04 deviations the hospital reads on its patient's journey. */
const hospitalSees = (donorCode: string) =>
  pollUntil('the QA-04 deviation on the journey', async () => {
    const res = await api.as<{ view: { deviations: Deviation[] } }>(
      'hospital',
      'GET',
      `/api/journeys/${donorCode}`,
    );
    return res.body.view.deviations.find((d) => d.rule === 'QA-04');
  });

describe('emergencies found at the site (QA-04, TRC-03)', () => {
  it('QA-04 a product received with a damaged bag is on hold; QA closes it with CAPA and destroys it, and it is never used', async () => {
    const { donorCode, steps } = await journeyBefore('receiveAtSite');
    const receipt = scriptedStep(steps, 'receiveAtSite');
    const received = await api.run<{ stage: string }>(donorCode, {
      ...receipt,
      payload: {
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        labelScan: donorCode,
        inspection: { ...INTACT_SITE_RECEIPT, containerIntact: false, note: 'bag cracked' },
      },
    });
    // The receipt is recorded: the product is at the site, on hold.
    expect(received).toMatchObject({ status: 200, body: { stage: 'received-at-site' } });
    const emergency = await hospitalSees(donorCode);
    expect(emergency.description).toContain('bag (container) is damaged: bag cracked');

    const thaw = scriptedStep(steps, 'recordThaw');
    const held = await api.run<Refusal>(donorCode, thaw, randomUUID());
    expect(held).toMatchObject({ status: 409, body: { code: 'QA-04' } });
    expect(held.body.message).toContain(emergency.deviationId);

    const close = (emergencyDecision?: object) =>
      api.as<Refusal>(
        'qa-qp',
        'POST',
        `/api/journeys/${donorCode}/deviations/${emergency.deviationId}/close`,
        {
          body: {
            investigation: 'bag cracked in transport; the product was exposed',
            rootCause: 'dry shipper dropped at the courier hub',
            correctiveAction: 'courier re-trained on handling',
            ...(emergencyDecision ? { emergency: emergencyDecision } : {}),
            signature,
          },
        },
      );
    expect(await close()).toMatchObject({ status: 409, body: { code: 'QA-04' } });
    expect(
      await close({
        preventiveAction: 'shock-absorbing inserts in every dry shipper',
        disposition: 'destroy',
        recall: { decision: 'not-needed', rationale: 'a single unit, never infused' },
      }),
    ).toMatchObject({ status: 200 });

    const destroyed = await api.run<Refusal>(donorCode, thaw, randomUUID());
    expect(destroyed).toMatchObject({ status: 409, body: { code: 'QA-04' } });
    expect(destroyed.body.message).toContain('is destroy');
    // Not thawed, the product is not infused either (the workflow asks for the thaw first).
    const infusion = await api.run<Refusal>(
      donorCode,
      scriptedStep(steps, 'recordInfusion'),
      randomUUID(),
    );
    expect(infusion.status).toBe(409);
  });

  it('QA-04 the hospital reports an illegible label after the receipt, not before it: the product is on hold', async () => {
    const { donorCode, steps } = await journeyBefore('receiveAtSite');
    const report = {
      kind: 'illegible-label',
      foundAt: new Date().toISOString(),
      description: 'label smudged by condensation when taken from the dry shipper',
    };
    const path = `/api/journeys/${donorCode}/emergency-reports`;
    expect(
      await api.as<Refusal>('hospital', 'POST', path, {
        body: report,
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });

    expect((await api.run(donorCode, scriptedStep(steps, 'receiveAtSite'))).status).toBe(200);
    const key = randomUUID();
    const reported = await api.as<Deviation>('hospital', 'POST', path, {
      body: { ...report, foundAt: new Date().toISOString() },
      idempotencyKey: key,
    });
    expect(reported).toMatchObject({ status: 201, body: { rule: 'QA-04' } });
    expect((await hospitalSees(donorCode)).deviationId).toBe(reported.body.deviationId);

    const listed = await api.as<Array<{ deviationId: string; status: string; kind: string }>>(
      'qa-qp',
      'GET',
      `/api/journeys/${donorCode}/deviations`,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        deviationId: reported.body.deviationId,
        kind: 'illegible-label',
        status: 'open',
      }),
    ]);
    expect(
      await api.run<Refusal>(donorCode, scriptedStep(steps, 'recordThaw'), randomUUID()),
    ).toMatchObject({ status: 409, body: { code: 'QA-04' } });

    const pdf = await labelFile(
      api,
      'hospital',
      `/api/journeys/${donorCode}/emergencies/${reported.body.deviationId}/report`,
    );
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.body.toString('latin1')).toContain(`(Emergency ${reported.body.deviationId})`);
    expect(
      (
        await labelFile(
          api,
          'hospital-inst-002',
          `/api/journeys/${donorCode}/emergencies/${reported.body.deviationId}/report`,
        )
      ).status,
    ).toBe(404);
  });
});
