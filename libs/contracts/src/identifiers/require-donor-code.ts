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

/**
 * A donor code as a URL path segment may carry it: the check character '*' (ISO 7064 MOD 37-2)
 * may be written '.', as FHIR ids must write it (`fhirIdOfDonorCode`), and is read back as '*'.
 * No donor code has a '.' of its own, so both spellings name the one code.
 */
export const donorCodeOfPathSegment = (segment: string): string => segment.replaceAll('.', '*');

/** A donor code as a FHIR id or reference: FHIR's id characters are [A-Za-z0-9-.] only. */
export const fhirIdOfDonorCode = (donorCode: string): string => donorCode.replaceAll('*', '.');

/**
 * A donor code in a download's file name: `*` is not allowed in file names on Windows and
 * browsers replace it with `_` themselves, so the gateway names the file as it will be saved.
 * The file's content carries the code itself.
 */
export const donorCodeInFileName = (donorCode: string): string => donorCode.replaceAll('*', '_');
