import { formatDonorCode, generateDonorUniqueCode } from './donor-unique-code';
import { verifyLabelScan } from './label-verification';

const code = (sequence: number) =>
  formatDonorCode(generateDonorUniqueCode({ facility: 'W1234', year: 2026, sequence }));

describe('label verification', () => {
  it('TRC-03 records a matching scan, whatever its printed form', () => {
    const expected = code(42);
    const eyeReadable = `=${expected.slice(0, 5)} ${expected.slice(5, 7)} ${expected.slice(7, 13)} 00 ${expected[15]}`;
    expect(verifyLabelScan(expected, eyeReadable)).toEqual({
      expected,
      scanned: expected,
      matched: true,
    });
  });

  it('refuses a scan of another donor with IDENTITY_MISMATCH', () => {
    expect(() => verifyLabelScan(code(42), code(43))).toThrow(
      expect.objectContaining({ code: 'IDENTITY_MISMATCH' }),
    );
  });
});
