import {
  donorCodeInFileName,
  donorCodeOfPathSegment,
  fhirIdOfDonorCode,
  requireDonorCode,
} from './require-donor-code';

// One code in 37 has the check character '*' (ISO 7064 MOD 37-2); this one was issued so.
const STARRED = 'H00012600208000*';

describe('a donor code where its check character * cannot go', () => {
  it('TRC-02 takes the code as issued, and refuses a wrong check character', () => {
    expect(requireDonorCode(STARRED)).toBe(STARRED);
    expect(() => requireDonorCode('H00012600208000A')).toThrow(/TRC-02|check/);
  });

  it("TRC-04 writes * as '.' in a FHIR id, and a route reads '.' back as the one code", () => {
    expect(fhirIdOfDonorCode(STARRED)).toBe('H00012600208000.');
    expect(requireDonorCode(donorCodeOfPathSegment(fhirIdOfDonorCode(STARRED)))).toBe(STARRED);
    expect(donorCodeOfPathSegment('A99991500000100M')).toBe('A99991500000100M');
  });

  it("names a download's file with _ for *, as browsers save it", () => {
    expect(donorCodeInFileName(STARRED)).toBe('H00012600208000_');
    expect(donorCodeInFileName('A99991500000100M')).toBe('A99991500000100M');
  });
});
