import { mod37_2CheckCharacter } from './iso7064-mod37-2';

/**
 * Donor unique code (TRC-02), structured as an ISBT 128 Donation Identification Number
 * (data structure 001, `=αppppyynnnnnnff`):
 * facility identification number (a letter and four digits), 2-digit year, 6-digit
 * sequence, 2 flag characters. The check character is ISO/IEC 7064 MOD 37-2 over the
 * 13 characters of facility, year and sequence and is printed beside the code, never
 * inside it. Written form used across API, events and labels: `A999915000001 00 M`
 * is accepted with or without spaces; the canonical form is `A99991500000100` + check `M`.
 */
export interface DonorUniqueCode {
  /** 13 characters: facility (5) + year (2) + sequence (6). */
  readonly din: string;
  /** 2 flag characters (00 when unused). */
  readonly flags: string;
  /** MOD 37-2 check character over `din`. */
  readonly checkCharacter: string;
}

const FACILITY = /^[A-Z][0-9]{4}$/;
const CANONICAL = /^([A-Z][0-9]{4})([0-9]{2})([0-9]{6})([0-9A-Z]{2})([0-9A-Z*])$/;

export type DonorCodeProblem = 'DONOR_CODE_MALFORMED' | 'DONOR_CODE_CHECK_CHARACTER_MISMATCH';

export class DonorCodeError extends Error {
  constructor(
    readonly problem: DonorCodeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DonorCodeError';
  }
}

export function generateDonorUniqueCode(input: {
  facility: string;
  year: number;
  sequence: number;
  flags?: string;
}): DonorUniqueCode {
  if (!FACILITY.test(input.facility)) {
    throw new RangeError(`facility '${input.facility}' must be a letter and four digits`);
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 1 || input.sequence > 999_999) {
    throw new RangeError(`sequence ${input.sequence} must be an integer in 1..999999`);
  }
  const yy = String(input.year % 100).padStart(2, '0');
  const din = `${input.facility}${yy}${String(input.sequence).padStart(6, '0')}`;
  return { din, flags: input.flags ?? '00', checkCharacter: mod37_2CheckCharacter(din) };
}

/** `A99991500000100M`: the machine form carried by barcodes, ids and events. */
export function formatDonorCode(code: DonorUniqueCode): string {
  return `${code.din}${code.flags}${code.checkCharacter}`;
}

/** `=A9999 15 000001 00 M`: the eye-readable text printed on a label. */
export function formatDonorCodeEyeReadable(code: DonorUniqueCode): string {
  const d = code.din;
  return `=${d.slice(0, 5)} ${d.slice(5, 7)} ${d.slice(7)} ${code.flags} ${code.checkCharacter}`;
}

/**
 * TRC-02: every API input and scan goes through here. Accepts the machine form, the
 * eye-readable form and an ISBT 128 scan with its leading `=`; refuses a wrong check character.
 */
export function parseDonorCode(raw: string): DonorUniqueCode {
  const compact = raw.trim().replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  const match = CANONICAL.exec(compact);
  if (!match) {
    throw new DonorCodeError(
      'DONOR_CODE_MALFORMED',
      `donor code '${raw}' must be facility (letter + 4 digits), 2-digit year, 6-digit sequence, 2 flag characters and a check character`,
    );
  }
  const [, facility, year, sequence, flags, check] = match;
  const din = `${facility}${year}${sequence}`;
  const expected = mod37_2CheckCharacter(din);
  if (expected !== check) {
    throw new DonorCodeError(
      'DONOR_CODE_CHECK_CHARACTER_MISMATCH',
      `donor code '${raw}' has check character '${check}' but its data gives '${expected}' (TRC-02)`,
    );
  }
  return { din, flags, checkCharacter: check };
}

export function isValidDonorCode(raw: string): boolean {
  try {
    parseDonorCode(raw);
    return true;
  } catch {
    return false;
  }
}
