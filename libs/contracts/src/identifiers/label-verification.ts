import { DomainError } from '../errors/domain-error';
import { formatDonorCode, parseDonorCode } from './donor-unique-code';

export interface LabelVerification {
  expected: string;
  scanned: string;
  matched: true;
}

/**
 * A label or bedside scan must carry the journey's own donor unique code. Every hand-over
 * records the returned verification (TRC-03); a mismatch stops the step.
 */
export function verifyLabelScan(expectedDonorCode: string, scanned: string): LabelVerification {
  const expected = formatDonorCode(parseDonorCode(expectedDonorCode));
  const actual = formatDonorCode(parseDonorCode(scanned));
  if (expected !== actual) {
    throw new DomainError(
      'IDENTITY_MISMATCH',
      `scanned code ${actual} does not match this journey's donor unique code ${expected}`,
      { expected, scanned: actual },
    );
  }
  return { expected, scanned: actual, matched: true };
}
