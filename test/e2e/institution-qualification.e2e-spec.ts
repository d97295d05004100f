import { randomInt, randomUUID } from 'node:crypto';
import type { InstitutionDecision, QualityAgreement } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  demoUserPassword,
  GatewayClient,
  happyPathSteps,
  pollUntil,
  scriptedStep,
} from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const signature = { password: demoUserPassword() };
const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface Refusal {
  code: string;
  message: string;
  fieldErrors?: Array<{ path: string; message: string }>;
}
interface Decision {
  decisionId: string;
  decision: string;
  fromStatus: string | null;
  status: string;
  signatureValid: boolean;
  notifiedJourneys: string[];
}
interface InstitutionDetail {
  id: string;
  status: string;
  nextReviewDue: string | null;
  agreementExpiresOn: string | null;
  qualityAgreement: (QualityAgreement & { id: string }) | null;
  decisions: Decision[];
}
interface JourneyView {
  stage: string;
  institutionNotice?: { decisionId: string; status: string; reason: string };
}

const agreement = (reference: string): QualityAgreement => ({
  reference,
  duties:
    'The hospital screens, collects, labels, stores and hands over; the manufacturer inspects, releases, manufactures and ships back.',
  collectionMethod: 'Leukapheresis as in the product specification CART-CD19.',
  storageConditions: '2–8 °C for at most 24 h after collection.',
  qualityStandards: 'Product specification CART-CD19 and the NMPA cell-therapy GMP guideline.',
  receiptProcedure:
    'Receipt inspection items 1 to 6 (DON-04); product receipt with a label scan at the site.',
  productUse: 'Autologous use for the registered patient only.',
  effectiveFrom: inDays(-1),
  expiresOn: inDays(730),
});

const decide = <T = Decision>(
  institutionId: string,
  qualification: InstitutionDecision,
  user = 'qa-qp',
  password = signature.password,
) =>
  api.as<T>(user, 'POST', `/api/institutions/${institutionId}/decisions`, {
    body: { qualification, signature: { password } },
  });

const detail = async (institutionId: string) =>
  (await api.as<InstitutionDetail>('qa-qp', 'GET', `/api/institutions/${institutionId}`)).body;

const order = (institutionId: string) =>
  api.as<{ donorCode: string } & Refusal>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference: `PAT-${randomUUID().slice(0, 8)}`,
      institutionId,
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });

/** A candidate with a fresh id and facility code (the register persists between local runs). */
async function registerCandidate() {
  for (let attempt = 0; attempt < 5; attempt++) {
    const institutionId = `INST-E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const facilityCode = `${'XYZ'[randomInt(3)]}${String(randomInt(10_000)).padStart(4, '0')}`;
    const res = await api.as<Decision & Refusal>('qa-qp', 'POST', '/api/institutions', {
      body: {
        institutionId,
        name: `E2E candidate hospital ${institutionId}`,
        facilityCode,
        signature,
      },
    });
    if (res.body.code !== 'INSTITUTION_ALREADY_REGISTERED') return { institutionId, res };
  }
  throw new Error('no free facility code found in five attempts');
}

describe('DON-02 medical institution qualification', () => {
  it('DON-02 takes a candidate from assessment through the on-site audit to approval with a quality agreement, reviews and removes it', async () => {
    const { institutionId, res: registered } = await registerCandidate();
    expect(registered).toMatchObject({
      status: 201,
      body: { decision: 'register', status: 'assessment' },
    });
    expect(await order(institutionId)).toMatchObject({ status: 409, body: { code: 'DON-02' } });

    const audit: InstitutionDecision = {
      decision: 'record-on-site-audit',
      outcome: 'passed',
      auditedOn: inDays(0),
      auditors: ['QA lead auditor', 'Cell-therapy SME'],
      findings:
        'apheresis unit, storage and labelling meet the specification; two minor observations',
      qualityAgreement: agreement(`QA-AGR-${institutionId}`),
      nextReviewDue: inDays(365),
    };
    const early = await decide<Refusal>(institutionId, audit);
    expect(early).toMatchObject({
      status: 409,
      body: { code: 'DON-02', message: expect.stringContaining('this one is assessment') },
    });

    expect(
      await decide(institutionId, {
        decision: 'complete-assessment',
        outcome: 'passed',
        findings: 'questionnaire and licences reviewed',
      }),
    ).toMatchObject({
      status: 201,
      body: { fromStatus: 'assessment', status: 'on-site-audit' },
    });
    const { qualityAgreement: _omitted, ...withoutAgreement } = audit as Extract<
      InstitutionDecision,
      { decision: 'record-on-site-audit' }
    >;
    void _omitted;
    const incomplete = await decide<Refusal>(institutionId, withoutAgreement);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.fieldErrors).toEqual([
      expect.objectContaining({
        path: 'qualification.qualityAgreement',
        message: expect.stringContaining('DON-02'),
      }),
    ]);

    expect(await decide(institutionId, audit)).toMatchObject({
      status: 201,
      body: { fromStatus: 'on-site-audit', status: 'approved' },
    });
    const ordered = await order(institutionId);
    expect(ordered.status).toBe(201);

    expect(
      await decide(institutionId, {
        decision: 'periodic-review',
        outcome: 'continued',
        reviewedOn: inDays(0),
        findings: 'no deviations in the period',
        nextReviewDue: inDays(300),
      }),
    ).toMatchObject({ status: 201, body: { status: 'approved' } });
    const approved = await detail(institutionId);
    expect(approved).toMatchObject({
      status: 'approved',
      nextReviewDue: inDays(300),
      agreementExpiresOn: inDays(730),
    });
    expect(approved.qualityAgreement).toMatchObject({
      reference: `QA-AGR-${institutionId}`,
      productUse: 'Autologous use for the registered patient only.',
    });
    expect(approved.decisions.map((d) => [d.decision, d.status, d.signatureValid])).toEqual([
      ['register', 'assessment', true],
      ['complete-assessment', 'on-site-audit', true],
      ['record-on-site-audit', 'approved', true],
      ['periodic-review', 'approved', true],
    ]);

    expect(
      await decide(institutionId, {
        decision: 'remove',
        reason: 'quality agreement terminated by the hospital',
      }),
    ).toMatchObject({ status: 201, body: { status: 'removed' } });
    expect(await order(institutionId)).toMatchObject({
      status: 409,
      body: { code: 'DON-02', message: expect.stringContaining('removed') },
    });
    expect(
      await decide<Refusal>(institutionId, {
        decision: 'reinstate',
        reason: 'x',
        nextReviewDue: inDays(100),
      }),
    ).toMatchObject({ status: 409, body: { code: 'DON-02' } });
  });

  it('DON-02 accepts qualification decisions only from QA with the password re-entered (PER-03, CSV-02), and registrations only for a free id and facility code', async () => {
    const suspend: InstitutionDecision = { decision: 'suspend', reason: 'should not be recorded' };
    expect(await decide<Refusal>('INST-003', suspend, 'ops')).toMatchObject({
      status: 403,
      body: { code: 'PER-03' },
    });
    expect(await decide<Refusal>('INST-003', suspend, 'qa-qp', 'wrong-password')).toMatchObject({
      status: 403,
      body: { code: 'CSV-02' },
    });
    expect(await decide<Refusal>('INST-404', suspend)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    const again = await api.as<Refusal>('qa-qp', 'POST', '/api/institutions', {
      body: { institutionId: 'INST-777', name: 'Clash', facilityCode: 'H0003', signature },
    });
    expect(again).toMatchObject({
      status: 409,
      body: {
        code: 'INSTITUTION_ALREADY_REGISTERED',
        message: expect.stringContaining('INST-003'),
      },
    });
    const malformed = await api.as<Refusal>('qa-qp', 'POST', '/api/institutions', {
      body: { institutionId: 'inst 9', name: 'x', facilityCode: 'H1', signature },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fieldErrors?.map((e) => e.path).sort()).toEqual([
      'facilityCode',
      'institutionId',
    ]);
    expect((await detail('INST-003')).status).toBe('approved');
  });

  it('DON-02 puts the running journeys of a suspended institution on hold with a notice, and refuses its new orders, until QA reinstates it', async () => {
    const placed = await order('INST-002');
    expect(placed.status).toBe(201);
    const { donorCode } = placed.body;
    const steps = happyPathSteps({ donorCode, patientReference: 'PAT-unused' });
    expect(
      (
        await api.step(
          'hospital-inst-002',
          donorCode,
          'recordDonorScreening',
          scriptedStep(steps, 'recordDonorScreening').payload,
        )
      ).status,
    ).toBe(200);
    const view = async () =>
      (await api.as<{ view: JourneyView }>('ops', 'GET', `/api/journeys/${donorCode}`)).body;

    let suspension: Decision | undefined;
    try {
      const suspended = await decide('INST-002', {
        decision: 'suspend',
        reason: 'mislabelled unit found at receipt; CAPA opened',
      });
      expect(suspended).toMatchObject({
        status: 201,
        body: { fromStatus: 'approved', status: 'suspended' },
      });
      suspension = suspended.body;
      const notice = await pollUntil('the suspension notice on the running journey', async () => {
        const current = (await view()).view.institutionNotice;
        return current?.decisionId === suspension!.decisionId ? current : undefined;
      });
      expect(notice).toMatchObject({
        status: 'suspended',
        reason: expect.stringContaining('CAPA opened'),
      });
      const held = await api.step<Refusal>(
        'scheduler',
        donorCode,
        'scheduleCollection',
        scriptedStep(steps, 'scheduleCollection').payload,
      );
      expect(held).toMatchObject({
        status: 409,
        body: { code: 'DON-02', message: expect.stringContaining('INST-002 is suspended') },
      });
      expect(await order('INST-002')).toMatchObject({ status: 409, body: { code: 'DON-02' } });
      // The journey is signalled before the consumer's transaction records that it was told.
      const recorded = await pollUntil('the notified journey on the decision', async () => {
        const decision = (await detail('INST-002')).decisions.find(
          (d) => d.decisionId === suspension!.decisionId,
        );
        return decision?.notifiedJourneys.includes(donorCode) ? decision : undefined;
      });
      expect(recorded.notifiedJourneys).toContain(donorCode);
    } finally {
      // The seeded institution is approved again whatever happened above.
      const reinstated = await decide('INST-002', {
        decision: 'reinstate',
        reason: 'CAPA closed, labelling retrained',
        nextReviewDue: inDays(180),
      });
      expect(reinstated).toMatchObject({ status: 201, body: { status: 'approved' } });
    }
    await pollUntil('the reinstatement notice', async () =>
      (await view()).view.institutionNotice?.status === 'approved' ? true : undefined,
    );
    expect(
      (
        await api.step(
          'scheduler',
          donorCode,
          'scheduleCollection',
          scriptedStep(steps, 'scheduleCollection').payload,
        )
      ).status,
    ).toBe(200);
    expect(suspension).toBeDefined();
  });

  it('CSV-03 shows a hospital its own institution and agreement, and no other', async () => {
    const own = await api.as<InstitutionDetail>('hospital', 'GET', '/api/institutions/INST-001');
    expect(own).toMatchObject({
      status: 200,
      body: {
        id: 'INST-001',
        status: 'approved',
        qualityAgreement: { reference: 'QA-AGR-H0001-1' },
      },
    });
    expect((await api.as<Refusal>('hospital', 'GET', '/api/institutions/INST-002')).status).toBe(
      404,
    );
    const list = await api.as<Array<{ id: string }>>('hospital', 'GET', '/api/institutions');
    expect(list.body.map((i) => i.id)).toEqual(['INST-001']);
  });
});
