/**
 * ISO/IEC 7064 MOD 37-2: the pure check-character system ISBT 128 uses for the
 * Donation Identification Number. Alphabet 0-9, A-Z and '*' (values 0..36).
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';
const MODULUS = 37;

export function mod37_2CheckCharacter(input: string): string {
  let p = 0;
  for (const ch of input) {
    const value = ALPHABET.indexOf(ch);
    // '*' is a valid check character but never a valid data character.
    if (value < 0 || value === 36) {
      throw new RangeError(`character '${ch}' is outside the MOD 37-2 data alphabet`);
    }
    p = ((p + value) * 2) % MODULUS;
  }
  return ALPHABET[(MODULUS + 1 - p) % MODULUS];
}
