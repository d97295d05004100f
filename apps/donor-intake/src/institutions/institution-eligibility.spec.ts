import { assertInstitutionMayOrder } from './institution-eligibility';

const approved = {
  id: 'INST-001',
  name: 'A hospital',
  facilityCode: 'H0001',
  status: 'approved',
  agreementExpiresOn: '2028-12-31',
};

describe('institution eligibility', () => {
  it('DON-02 allows an approved institution with a valid agreement', () => {
    expect(() => assertInstitutionMayOrder(approved, 'INST-001', '2026-11-25')).not.toThrow();
  });

  it('DON-02 refuses an unknown institution', () => {
    expect(() => assertInstitutionMayOrder(undefined, 'INST-404', '2026-11-25')).toThrow(
      expect.objectContaining({ code: 'DON-02' }),
    );
  });

  it('DON-02 refuses a suspended institution', () => {
    expect(() =>
      assertInstitutionMayOrder({ ...approved, status: 'suspended' }, 'INST-001', '2026-11-25'),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
  });

  it('DON-02 refuses an expired quality agreement', () => {
    expect(() =>
      assertInstitutionMayOrder({ ...approved, agreementExpiresOn: '2026-11-24' }, 'INST-001', '2026-11-25'),
    ).toThrow(expect.objectContaining({ code: 'DON-02' }));
  });
});
