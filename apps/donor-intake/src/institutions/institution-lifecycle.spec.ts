import { InstitutionDecision, InstitutionStatus, QualityAgreement } from '@v2v/contracts';
import { decideQualification } from './institution-lifecycle';

const today = '2026-11-25';
const agreement: QualityAgreement = {
  reference: 'QA-AGR-2026-014',
  duties: 'Hospital collects and labels; manufacturer receives, inspects, manufactures.',
  collectionMethod: 'Leukapheresis per the product specification.',
  storageConditions: '2–8 °C, at most 24 h before hand-over.',
  qualityStandards: 'Product specification CART-CD19.',
  receiptProcedure: 'Receipt inspection DON-04 items 1–6.',
  productUse: 'Autologous use for the registered patient only.',
  effectiveFrom: '2026-11-01',
  expiresOn: '2028-10-31',
};
const at = (status: InstitutionStatus, agreementExpiresOn: string | null = null) => ({
  status,
  agreementExpiresOn,
  today,
});
const audit = (
  over: Partial<Extract<InstitutionDecision, { decision: 'record-on-site-audit' }>> = {},
): InstitutionDecision => ({
  decision: 'record-on-site-audit',
  outcome: 'passed',
  auditedOn: '2026-11-20',
  auditors: ['QA auditor'],
  findings: 'no critical findings',
  qualityAgreement: agreement,
  nextReviewDue: '2027-11-20',
  ...over,
});

describe('institution qualification lifecycle', () => {
  it('DON-02 moves a passed assessment to the on-site audit, a failed one to removed', () => {
    expect(
      decideQualification(at('assessment'), {
        decision: 'complete-assessment',
        outcome: 'passed',
        findings: 'ok',
      }).status,
    ).toBe('on-site-audit');
    expect(
      decideQualification(at('assessment'), {
        decision: 'complete-assessment',
        outcome: 'failed',
        findings: 'no GMP storage',
      }).status,
    ).toBe('removed');
  });

  it('DON-02 approves after a passed on-site audit with a quality agreement in force', () => {
    const outcome = decideQualification(at('on-site-audit'), audit());
    expect(outcome).toEqual({
      status: 'approved',
      reason: expect.stringContaining('QA-AGR-2026-014 until 2028-10-31'),
    });
  });

  it('DON-02 refuses approval before the on-site audit stage', () => {
    expect(() => decideQualification(at('assessment'), audit())).toThrow(
      expect.objectContaining({
        code: 'DON-02',
        message: expect.stringContaining('this one is assessment'),
      }),
    );
  });

  it('DON-02 refuses an approval on an expired quality agreement', () => {
    expect(() =>
      decideQualification(
        at('on-site-audit'),
        audit({ qualityAgreement: { ...agreement, expiresOn: '2026-11-24' } }),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'DON-02',
        message: expect.stringContaining('expired on 2026-11-24'),
      }),
    );
  });

  it('DON-02 refuses a review date that does not lie ahead, and an audit dated in the future', () => {
    expect(() => decideQualification(at('on-site-audit'), audit({ nextReviewDue: today }))).toThrow(
      expect.objectContaining({ code: 'DON-02' }),
    );
    expect(() =>
      decideQualification(at('on-site-audit'), audit({ auditedOn: '2026-12-01' })),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('DON-02 continues an approval at periodic review only with an agreement in force', () => {
    const review = {
      decision: 'periodic-review',
      outcome: 'continued',
      reviewedOn: today,
      findings: 'ok',
      nextReviewDue: '2027-11-25',
    } as const;
    expect(decideQualification(at('approved', '2028-01-01'), review).status).toBe('approved');
    expect(() => decideQualification(at('approved', '2026-11-24'), review)).toThrow(
      expect.objectContaining({ code: 'DON-02' }),
    );
    expect(
      decideQualification(at('approved', '2026-11-24'), { ...review, qualityAgreement: agreement })
        .status,
    ).toBe('approved');
  });

  it('DON-02 suspends at periodic review or by decision, and reinstates only a suspended institution', () => {
    expect(
      decideQualification(at('approved', '2028-01-01'), {
        decision: 'periodic-review',
        outcome: 'suspended',
        reviewedOn: today,
        findings: 'temperature excursions not investigated',
      }),
    ).toEqual({
      status: 'suspended',
      reason: expect.stringContaining('temperature excursions not investigated'),
    });
    expect(
      decideQualification(at('approved'), { decision: 'suspend', reason: 'mislabelled unit' })
        .status,
    ).toBe('suspended');
    expect(
      decideQualification(at('suspended', '2028-01-01'), {
        decision: 'reinstate',
        reason: 'CAPA closed',
        nextReviewDue: '2027-05-25',
      }).status,
    ).toBe('approved');
    expect(() =>
      decideQualification(at('approved', '2028-01-01'), {
        decision: 'reinstate',
        reason: 'x',
        nextReviewDue: '2027-05-25',
      }),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
  });

  it('DON-02 removes from any status but removed, and nothing follows a removal', () => {
    for (const status of ['assessment', 'on-site-audit', 'approved', 'suspended'] as const) {
      expect(
        decideQualification(at(status), { decision: 'remove', reason: 'agreement terminated' })
          .status,
      ).toBe('removed');
    }
    expect(() =>
      decideQualification(at('removed'), { decision: 'remove', reason: 'again' }),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
    expect(() =>
      decideQualification(at('removed', '2028-01-01'), {
        decision: 'reinstate',
        reason: 'x',
        nextReviewDue: '2027-01-01',
      }),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
  });
});
