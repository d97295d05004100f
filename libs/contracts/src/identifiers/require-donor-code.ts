import { DomainError } from '../errors/domain-error';
import { DonorCodeError, formatDonorCode, parseDonorCode } from './donor-unique-code';

/** TRC-02 at an edge: the canonical donor code, or a refusal with code `TRC-02`. */
export function requireDonorCode(raw: string): string {
  try {
    return formatDonorCode(parseDonorCode(raw));
  } catch (error) {
    if (error instanceof DonorCodeError) {
      throw new DomainError('TRC-02', error.message, { problem: error.problem });
    }
    throw error;
  }
}
