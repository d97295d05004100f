import { DomainError } from '@v2v/contracts';

/** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
const MAX_BYTES = 72;
const MIN_LENGTH = 12;

/**
 * Well-known defaults and the words every guessing list starts with, compared without case
 * and punctuation: `Change-Me-Now!` and `password2026!!` are both refused.
 */
const WELL_KNOWN = [
  'changemenow',
  'changeme',
  'password',
  'passw0rd',
  'qwerty',
  '123456',
  'letmein',
  'welcome',
  'veintovein',
];

const normalized = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * CSV-03 password policy for every password a person chooses or is given (bootstrap, a new
 * account's temporary password, a reset, a change): at least 12 characters, at most 72 bytes,
 * not containing the username, not built on a well-known default. Returns every violation as
 * a sentence; an empty list means the password is acceptable.
 */
export function passwordPolicyViolations(password: string, username: string): string[] {
  const violations: string[] = [];
  if ([...password].length < MIN_LENGTH)
    violations.push(`must be at least ${MIN_LENGTH} characters`);
  if (Buffer.byteLength(password, 'utf8') > MAX_BYTES)
    violations.push(`must be at most ${MAX_BYTES} bytes`);
  const name = normalized(username);
  if (name && normalized(password).includes(name)) violations.push('must not contain the username');
  const defaults = WELL_KNOWN.filter((word) => normalized(password).includes(word));
  if (defaults.length) violations.push('must not be built on a well-known default password');
  return violations;
}

/** A refused password as a 400 naming its field, in the shape of every other field error. */
export function passwordPolicyError(
  field: string,
  password: string,
  username: string,
): DomainError | undefined {
  const violations = passwordPolicyViolations(password, username);
  if (!violations.length) return undefined;
  return new DomainError('VALIDATION_FAILED', `${field} is refused: ${violations.join('; ')}`, {
    fieldErrors: violations.map((message) => ({ path: field, message })),
  });
}
