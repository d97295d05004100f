import { randomUUID } from 'node:crypto';
import type { ShipperQualificationDecision } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  demoUserPassword,
  GatewayClient,
  happyPathSteps,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const signature = { password: demoUserPassword() };
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Refusal {
  code: string;
  message: string;
  fieldErrors?: Array<{ path: string; message: string }>;
  details?: { fieldErrors?: Array<{ path: string; message: string }> };
}
interface Configuration {
  shipperId: string;
  carries: string;
  qualifiedUntil: string;
  /** current, lapsed or withdrawn: whether it may be used today. */
  status: string;
  evidence: { reportReference: string } | null;
  decisions: Array<{ decision: string; signatureId: string }> | null;
}

const qualification = (
  carries: 'donor-material' | 'product',
  shipperId = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`,
): ShipperQualificationDecision => ({
  shipperId,
  carries,
  description:
    carries === 'product'
      ? 'LN2 dry shipper, factory → site by air'
      : 'Passive 2–8 °C shipper, hospital → factory by road',
  evidence: {
    reportReference: `PQ-${shipperId}`,
    qualifiedOn: inDays(-3),
    lane: carries === 'product' ? 'factory → treatment site' : 'hospital → factory',
    minTemperatureC: carries === 'product' ? -196 : 2,
    maxTemperatureC: carries === 'product' ? -150 : 8,
    validatedHours: carries === 'product' ? 120 : 48,
  },
  qualifiedUntil: inDays(365),
});

const qualify = <T = Configuration>(body: unknown, user = 'qa-qp') =>
  api.as<T>(user, 'POST', '/api/qualified-shippers', { body });
const listed = async (shipperId: string) =>
  (await api.as<Configuration[]>('operator', 'GET', '/api/qualified-shippers')).body.find(
    (c) => c.shipperId === shipperId,
  );

async function journeyAtHandOver() {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  const steps = happyPathSteps({ donorCode: order.body.donorCode, patientReference });
  for (const scripted of stepsBefore(steps, 'handOverToCourier'))
    expect((await api.run(order.body.donorCode, scripted)).status).toBe(200);
  const handOver = scriptedStep(steps, 'handOverToCourier');
  return {
    donorCode: order.body.donorCode,
    handOverWith: (shipperId: string) =>
      api.step<Refusal & { stage: string }>('hospital', order.body.donorCode, 'handOverToCourier', {
        ...(handOver.payload as object),
        shipperId,
      }),
  };
}

describe('MAT-03 shipper/lane qualification', () => {
  it('MAT-03 lets material travel on a configuration QA qualified, and refuses it once QA withdraws it', async () => {
    const decision = qualification('donor-material');
    const qualified = await qualify({ qualification: decision, signature });
    expect(qualified).toMatchObject({
      status: 201,
      body: {
        shipperId: decision.shipperId,
        status: 'current',
        qualifiedUntil: decision.qualifiedUntil,
      },
    });
    expect(await listed(decision.shipperId)).toMatchObject({
      status: 'current',
      evidence: { reportReference: decision.evidence.reportReference },
      decisions: [{ decision: 'qualified' }],
    });

    const first = await journeyAtHandOver();
    expect((await first.handOverWith(decision.shipperId)).body.stage).toBe('in-transit-to-factory');

    const withdrawn = await api.as(
      'qa-qp',
      'POST',
      `/api/qualified-shippers/donor-material/${decision.shipperId}/withdraw`,
      {
        body: { reason: 'temperature excursions in two consecutive shipments', signature },
      },
    );
    expect(withdrawn).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
    expect((await listed(decision.shipperId))?.status).toBe('withdrawn');
    const again = await api.as<Refusal>(
      'qa-qp',
      'POST',
      `/api/qualified-shippers/donor-material/${decision.shipperId}/withdraw`,
      { body: { reason: 'again', signature } },
    );
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'MAT-03', message: expect.stringContaining('already withdrawn') },
    });
    const second = await journeyAtHandOver();
    const refused = await second.handOverWith(decision.shipperId);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'MAT-03', message: expect.stringContaining('withdrawn') },
    });

    // Requalified after a new study, it may be used again.
    expect(
      await qualify({
        qualification: {
          ...decision,
          evidence: { ...decision.evidence, reportReference: `PQ-${decision.shipperId}-R1` },
        },
        signature,
      }),
    ).toMatchObject({
      status: 201,
      body: { status: 'current' },
    });
    expect((await second.handOverWith(decision.shipperId)).body.stage).toBe(
      'in-transit-to-factory',
    );
    expect((await listed(decision.shipperId))?.decisions?.map((d) => d.decision)).toEqual([
      'qualified',
      'withdrawn',
      'qualified',
    ]);
  });

  it('MAT-03 keeps product configurations in the release register, apart from donor material ones', async () => {
    const decision = qualification('product');
    expect(await qualify({ qualification: decision, signature })).toMatchObject({
      status: 201,
      body: { carries: 'product' },
    });
    expect(await listed(decision.shipperId)).toMatchObject({
      carries: 'product',
      status: 'current',
    });
    const seededLapsed = (
      await api.as<Configuration[]>('hospital', 'GET', '/api/qualified-shippers')
    ).body.filter((c) => c.shipperId === 'SHIPPER-EXPIRED-01');
    expect(seededLapsed.map((c) => c.status)).toEqual(['lapsed', 'lapsed']);
  });

  it("MAT-03 refuses a qualification that is not QA's, not signed, not evidenced or already lapsed", async () => {
    const decision = qualification('donor-material');
    expect(
      await qualify<Refusal>({ qualification: decision, signature }, 'operator'),
    ).toMatchObject({ status: 403, body: { code: 'PER-03' } });
    expect(
      await qualify<Refusal>({
        qualification: decision,
        signature: { password: 'wrong-password' },
      }),
    ).toMatchObject({ status: 403, body: { code: 'CSV-02' } });
    const lapsed = await qualify<Refusal>({
      qualification: {
        ...decision,
        qualifiedUntil: inDays(-1),
        evidence: { ...decision.evidence, qualifiedOn: inDays(-30) },
      },
      signature,
    });
    expect(lapsed.status).toBe(400);
    expect(lapsed.body.fieldErrors?.map((e) => e.path)).toEqual(['qualification.qualifiedUntil']);
    const unknownKind = await qualify<Refusal>({
      qualification: { ...decision, carries: 'platelets' },
      signature,
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.fieldErrors?.map((e) => e.path)).toEqual(['qualification.carries']);
    expect(await listed(decision.shipperId)).toBeUndefined();
    const unknown = await api.as<Refusal>(
      'qa-qp',
      'POST',
      '/api/qualified-shippers/donor-material/NO-SUCH-SHIPPER/withdraw',
      { body: { reason: 'x', signature } },
    );
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const unknownRoute = await api.as<Refusal>(
      'qa-qp',
      'POST',
      '/api/qualified-shippers/platelets/SHIPPER-2-8C-01/withdraw',
      { body: { reason: 'x', signature } },
    );
    expect(unknownRoute.status).toBe(400);
    expect(unknownRoute.body.details?.fieldErrors?.map((e) => e.path)).toEqual(['carries']);
  });
});
