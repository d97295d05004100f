import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { databaseUrl } from '@v2v/database';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  demoUserPassword,
  GatewayClient,
  happyPathSteps,
  pollUntil,
  SEEDED_KEY_MATERIAL_LOTS,
  stepsBefore,
} from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const signature = { password: demoUserPassword() };
const assessment = {
  level: 'medium',
  summary: 'human-derived enzyme; sterility and activity on the CoA',
  assessedBy: 'qa.li',
  assessedOn: '2026-09-15',
};

interface Lot {
  lotId: string;
  status: string;
  decision: { decision: string; signature: { meaning: string; signer: { userId: string } } } | null;
}

async function signaturesOf(lotId: string): Promise<number> {
  const db = new PgClient({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM production.electronic_signature WHERE record_type = 'key-material-lot' AND record_id = $1`,
      [lotId],
    );
    return rows[0].n;
  } finally {
    await db.end();
  }
}

async function receiveLot(inspection: {
  inspectionResult: 'pass' | 'fail';
  certificateOfAnalysisChecked?: boolean;
}): Promise<Lot> {
  const res = await api.as<Lot>('operator', 'POST', '/api/key-materials/IL2-RH/lots', {
    body: {
      supplier: 'CytoPure Biologics',
      supplierLot: `IL2-E2E-${randomUUID().slice(0, 6)}`,
      expiresOn: '2027-12-31',
      certificateOfAnalysisChecked: true,
      ...inspection,
    },
    idempotencyKey: randomUUID(),
  });
  expect(res).toMatchObject({ status: 201, body: { status: 'quarantine', decision: null } });
  return res.body;
}

/** A journey whose batch is in production (every step up to and including startProduction). */
async function journeyInProduction() {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(order.status).toBe(201);
  const donorCode = order.body.donorCode;
  for (const scripted of stepsBefore(
    happyPathSteps({ donorCode, patientReference, batchRecord: false }),
    'recordQcResult',
  )) {
    const res = await api.run(donorCode, scripted);
    expect({ step: scripted.step, status: res.status, body: res.body }).toMatchObject({
      step: scripted.step,
      status: 200,
    });
  }
  return { donorCode, patientReference };
}

describe('key materials through the gateway (MAT-01, MAT-02, TRC-01)', () => {
  it('MAT-01 MAT-02 registers a key material only with its risk assessment, and an IVD reagent not approved for screening only with a justification', async () => {
    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const withoutAssessment = await api.as<{ code: string; message: string }>(
      'qa-qp',
      'POST',
      '/api/key-materials',
      { body: { materialCode: code, name: 'Collagenase', category: 'enzyme' } },
    );
    expect(withoutAssessment).toMatchObject({
      status: 409,
      body: { code: 'MAT-01', message: expect.stringContaining('no recorded risk assessment') },
    });

    const ivd = {
      materialCode: code,
      name: 'HCV antibody assay',
      category: 'ivd-reagent',
      riskAssessment: assessment,
    };
    const unjustified = await api.as('qa-qp', 'POST', '/api/key-materials', {
      body: { ...ivd, ivd: { approvalStatus: 'not-approved', marker: 'anti-HCV' } },
    });
    expect(unjustified).toMatchObject({ status: 400, body: { code: 'MAT-02' } });

    const justified = await api.as('qa-qp', 'POST', '/api/key-materials', {
      body: {
        ...ivd,
        ivd: {
          approvalStatus: 'not-approved',
          marker: 'anti-HCV',
          justification: 'interim use during supplier change, verified against the approved assay',
        },
      },
    });
    expect(justified).toMatchObject({
      status: 201,
      body: {
        materialCode: code,
        ivd: { approvalStatus: 'not-approved', marker: 'anti-HCV' },
        registeredBy: 'qa-qp',
      },
    });
    const catalogue = await api.as<Array<{ materialCode: string }>>(
      'operator',
      'GET',
      '/api/key-materials',
    );
    expect(catalogue.body.map((m) => m.materialCode)).toEqual(
      expect.arrayContaining([code, 'LV-CD19-BBZ', 'IVD-HIV-AGAB', 'IVD-TP-CLIA']),
    );
  });

  it("MAT-01 CSV-02 PER-03 releases a lot only as the qualified person's signed decision, never after a failed inspection", async () => {
    const failed = await receiveLot({ inspectionResult: 'fail' });
    const refused = await api.as(
      'qa-qp',
      'POST',
      `/api/key-material-lots/${failed.lotId}/release`,
      { body: { signature } },
    );
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'MAT-01', message: expect.stringContaining('failed its incoming inspection') },
    });
    expect(await signaturesOf(failed.lotId)).toBe(0); // nothing signed for a refused decision
    const rejected = await api.as<Lot>(
      'qa-qp',
      'POST',
      `/api/key-material-lots/${failed.lotId}/reject`,
      { body: { reason: 'seal broken at receipt', signature } },
    );
    expect(rejected).toMatchObject({
      status: 200,
      body: {
        status: 'rejected',
        decision: { decision: 'rejected', signature: { meaning: 'rejected' } },
      },
    });

    const passed = await receiveLot({ inspectionResult: 'pass' });
    expect(
      await api.as('operator', 'POST', `/api/key-material-lots/${passed.lotId}/release`, {
        body: { signature },
      }),
    ).toMatchObject({ status: 403, body: { code: 'PER-03' } });
    expect(
      await api.as('qa-qp', 'POST', `/api/key-material-lots/${passed.lotId}/release`, {
        body: { signature: { password: 'wrong' } },
      }),
    ).toMatchObject({
      status: 403,
      body: { code: 'CSV-02' },
    });
    const released = await api.as<Lot>(
      'qa-qp',
      'POST',
      `/api/key-material-lots/${passed.lotId}/release`,
      { body: { comment: 'CoA and inspection reviewed', signature } },
    );
    expect(released).toMatchObject({
      status: 200,
      body: {
        status: 'released',
        decision: {
          decision: 'released',
          signature: { meaning: 'released', signer: { userId: 'qa-qp' } },
        },
      },
    });
    expect(await signaturesOf(passed.lotId)).toBe(1);
  });

  it('MAT-01 TRC-01 consumes only a released, unexpired lot, once per key, and traces the lot forward to the batch and patient', async () => {
    const lot = await receiveLot({ inspectionResult: 'pass' });
    await api.as('qa-qp', 'POST', `/api/key-material-lots/${lot.lotId}/release`, {
      body: { signature },
    });
    const journey = await journeyInProduction();
    const consume = (lotId: string, idempotencyKey?: string) =>
      api.as<{ code?: string; message?: string; consumptionId?: string; batchNumber?: string }>(
        'operator',
        'POST',
        `/api/journeys/${journey.donorCode}/key-material-consumptions`,
        {
          body: { lotId, quantity: 10, unit: 'mL' },
          idempotencyKey,
        },
      );

    expect(await consume(SEEDED_KEY_MATERIAL_LOTS.quarantinedVector)).toMatchObject({
      status: 409,
      body: { code: 'MAT-01', message: expect.stringContaining('in quarantine') },
    });
    expect(await consume(SEEDED_KEY_MATERIAL_LOTS.expiredInterleukin2)).toMatchObject({
      status: 409,
      body: { code: 'MAT-01', message: expect.stringContaining('expired on 2026-06-30') },
    });
    expect(await consume('KML-1999-999999')).toMatchObject({
      status: 409,
      body: { code: 'MAT-01', message: expect.stringContaining('unknown lot') },
    });
    const materials = () =>
      api.as<{
        batchNumber: string;
        consumptions: Array<{ lot: { lotId: string }; material: { materialCode: string } }>;
      }>('qa-qp', 'GET', `/api/journeys/${journey.donorCode}/key-materials`);
    expect((await materials()).body.consumptions).toEqual([]); // the refusals wrote nothing

    const key = randomUUID();
    const first = await consume(lot.lotId, key);
    expect(first).toMatchObject({
      status: 201,
      body: { lotId: lot.lotId, donorCode: journey.donorCode, quantity: 10, unit: 'mL' },
    });
    expect(await consume(lot.lotId, key)).toEqual(first);
    const recorded = await materials();
    expect(recorded.body.consumptions).toEqual([
      expect.objectContaining({
        lot: expect.objectContaining({ lotId: lot.lotId }),
        material: expect.objectContaining({ materialCode: 'IL2-RH' }),
      }),
    ]);

    const genealogy = await api.as<{
      consumptions: Array<{
        batchNumber: string;
        donorCode: string;
        patientReference: string | null;
      }>;
    }>('ops', 'GET', `/api/key-material-lots/${lot.lotId}/genealogy`);
    expect(genealogy).toMatchObject({
      status: 200,
      body: { lot: { lotId: lot.lotId, material: { materialCode: 'IL2-RH' } } },
    });
    expect(genealogy.body.consumptions).toEqual([
      expect.objectContaining({
        batchNumber: recorded.body.batchNumber,
        donorCode: journey.donorCode,
        patientReference: journey.patientReference,
      }),
    ]);

    // The consumption is also on the donor's chain of custody, once.
    const trace = await pollUntil('the consumption in the ledger', async () => {
      const res = await api.as<{ entries: Array<{ messageType: string }> }>(
        'ops',
        'GET',
        `/api/traces/donors/${journey.donorCode}`,
      );
      return res.body.entries?.some((e) => e.messageType === 'key-material.consumed.v1')
        ? res.body
        : undefined;
    });
    expect(trace.entries.filter((e) => e.messageType === 'key-material.consumed.v1')).toHaveLength(
      1,
    );
  });
});
