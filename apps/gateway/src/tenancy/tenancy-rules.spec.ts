import { institutionAccessRefusal, journeyAccessRefusal } from './tenancy-rules';

const hospital = (institutionId: string | null) => ({ role: 'hospital' as const, institutionId });
const ops = { role: 'ops' as const, institutionId: null };

describe('tenancy from the donor register', () => {
  it("CSV-03 opens a hospital user's own institution's donor code", () => {
    expect(journeyAccessRefusal(hospital('INST-001'), 'INST-001')).toBeUndefined();
  });

  it("CSV-03 refuses a hospital user another institution's donor code, naming both", () => {
    expect(journeyAccessRefusal(hospital('INST-002'), 'INST-001')).toBe(
      'the donor code is registered to INST-001, the user belongs to INST-002',
    );
  });

  it('CSV-03 refuses a hospital user without an institution every registered code', () => {
    expect(journeyAccessRefusal(hospital(null), 'INST-001')).toContain('no institution');
  });

  it('CSV-03 refuses every role a code that is not on the register', () => {
    for (const user of [
      hospital('INST-001'),
      ops,
      { role: 'operator' as const, institutionId: null },
    ])
      expect(journeyAccessRefusal(user, undefined)).toBe(
        'the donor code is not on the donor register',
      );
  });

  it('CSV-03 opens any registered code to the manufacturer roles', () => {
    expect(journeyAccessRefusal(ops, 'INST-002')).toBeUndefined();
  });

  it("CSV-03 refuses a hospital user another institution's record, and opens its own", () => {
    expect(institutionAccessRefusal(hospital('INST-002'), 'INST-001')).toBe(
      "institution INST-001 is not the user's INST-002",
    );
    expect(institutionAccessRefusal(hospital('INST-001'), 'INST-001')).toBeUndefined();
    expect(institutionAccessRefusal(ops, 'INST-001')).toBeUndefined();
  });
});
