import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { feedInstitution } from './notification-tenancy';

const hospital = (institutionId: string | null) => ({ role: 'hospital' as const, institutionId });
const refusalOf = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    return error as ConcealedRefusal;
  }
  throw new Error('not refused');
};

describe('whose notification feed a user reads', () => {
  it("TRC-04 gives a hospital user its own institution's feed, named or not", () => {
    expect(feedInstitution(hospital('INST-001'), undefined)).toBe('INST-001');
    expect(feedInstitution(hospital('INST-001'), 'INST-001')).toBe('INST-001');
  });

  it("TRC-04 answers a hospital user naming another institution's feed as an unknown institution", () => {
    const refusal = refusalOf(() => feedInstitution(hospital('INST-002'), 'INST-001'));
    expect(refusal).toBeInstanceOf(ConcealedRefusal);
    expect(refusal).toMatchObject({ code: 'NOT_FOUND', message: 'no institution INST-001' });
    expect(refusal.recordedReason).toBe("institution INST-001 is not the user's INST-002");
  });

  it('TRC-04 refuses a hospital user without an institution any feed', () => {
    const refusal = refusalOf(() => feedInstitution(hospital(null), undefined));
    expect(refusal).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal.recordedReason).toContain('no institution');
  });

  it("TRC-04 lets the manufacturer's roles read one institution's feed or every one", () => {
    for (const role of ['ops', 'qa-qp', 'scheduler'] as const) {
      expect(feedInstitution({ role, institutionId: null }, 'INST-002')).toBe('INST-002');
      expect(feedInstitution({ role, institutionId: null }, undefined)).toBeUndefined();
    }
  });
});
