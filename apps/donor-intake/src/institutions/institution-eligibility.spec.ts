import { assertInstitutionQualified } from './institution-eligibility';
import type { Institution } from './institution.repository';

const approved: Institution = {
  id: 'INST-001',
  name: 'A hospital',
  facilityCode: 'H0001',
  status: 'approved',
  agreementExpiresOn: '2028-12-31',
  nextReviewDue: '2027-06-30',
  qualityAgreementId: 'INST-001/QA-AGR-1',
};

describe('institution eligibility', () => {
  it('DON-02 allows an approved institution with a valid agreement', () => {
    expect(() => assertInstitutionQualified(approved, 'INST-001', '2026-11-25')).not.toThrow();
  });

  it('DON-02 refuses an unknown institution', () => {
    expect(() => assertInstitutionQualified(undefined, 'INST-404', '2026-11-25')).toThrow(
      expect.objectContaining({ code: 'DON-02' }),
    );
  });

  it('DON-02 refuses a suspended institution', () => {
    expect(() =>
      assertInstitutionQualified({ ...approved, status: 'suspended' }, 'INST-001', '2026-11-25'),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
  });

  it('DON-02 refuses an expired quality agreement', () => {
    expect(() =>
      assertInstitutionQualified(
        { ...approved, agreementExpiresOn: '2026-11-24' },
        'INST-001',
        '2026-11-25',
      ),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
  });

  it('DON-02 refuses an institution overdue for its periodic review', () => {
    expect(() =>
      assertInstitutionQualified(
        { ...approved, nextReviewDue: '2026-11-24' },
        'INST-001',
        '2026-11-25',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'DON-02',
        message: expect.stringContaining('overdue for its periodic review'),
      }),
    );
  });
});
