import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { bedsideMismatch, bedsideMismatchRefusal } from './bedside-rules';

const code = (sequence: number) =>
  formatDonorCode(generateDonorUniqueCode({ facility: 'W1234', year: 2026, sequence }));
const donorCode = code(7);
const scan = (clinician: string, labelScan = donorCode, patientReference = 'PAT-001') => ({
  clinician,
  labelScan,
  patientReference,
  scannedAt: '2026-11-30T09:55:00Z',
});

describe('bedsideMismatch', () => {
  it("TRC-03 finds nothing when both clinicians scanned the journey's label and patient", () => {
    expect(
      bedsideMismatch(donorCode, 'PAT-001', [scan('nurse-wang'), scan('dr-zhou')]),
    ).toBeUndefined();
  });

  it("QA-04 names another donor's label and another patient, scan by scan", () => {
    const other = code(8);
    expect(
      bedsideMismatch(donorCode, 'PAT-001', [
        scan('nurse-wang'),
        scan('dr-zhou', other, 'PAT-002'),
      ]),
    ).toBe(
      `bedside check of ${donorCode} does not match: dr-zhou scanned label ${other}, not ${donorCode}; dr-zhou scanned patient PAT-002, not the patient this product was made for; the product is on hold (QA-04)`,
    );
  });

  it('TRC-03 refuses the mismatch with the deviation it raised, for the journey to record', () => {
    const notice = {
      deviationId: 'e-1',
      rule: 'QA-04' as const,
      detectedAt: '2026-11-30T10:00:00Z',
      description: 'bedside check … does not match',
    };
    expect(bedsideMismatchRefusal(notice)).toMatchObject({
      code: 'IDENTITY_MISMATCH',
      message: expect.stringMatching(/emergency e-1 raised \(TRC-03\)$/),
      details: { deviations: [notice] },
    });
  });
});
