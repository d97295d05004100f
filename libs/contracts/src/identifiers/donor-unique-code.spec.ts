import { mod37_2CheckCharacter } from './iso7064-mod37-2';
import {
  DonorCodeError,
  formatDonorCode,
  formatDonorCodeEyeReadable,
  generateDonorUniqueCode,
  parseDonorCode,
} from './donor-unique-code';

describe('ISO/IEC 7064 MOD 37-2', () => {
  it.each([
    ['G123489654321', 'Y'], // the standard's own worked example
    ['A999915000001', 'M'], // the ICCBBA DIN example A9999 15 000001
  ])('TRC-02 computes the check character of %s as %s', (input, expected) => {
    expect(mod37_2CheckCharacter(input)).toBe(expected);
  });

  it('refuses characters outside the data alphabet', () => {
    expect(() => mod37_2CheckCharacter('A9999-5000001')).toThrow(RangeError);
    expect(() => mod37_2CheckCharacter('A9999*5000001')).toThrow(RangeError);
  });
});

describe('donor unique code (TRC-02)', () => {
  it('TRC-02 generates an ISBT 128 DIN-structured code with its check character', () => {
    const code = generateDonorUniqueCode({ facility: 'A9999', year: 2015, sequence: 1 });
    expect(code).toEqual({ din: 'A999915000001', flags: '00', checkCharacter: 'M' });
    expect(formatDonorCode(code)).toBe('A99991500000100M');
    expect(formatDonorCodeEyeReadable(code)).toBe('=A9999 15 000001 00 M');
  });

  it.each(['A99991500000100M', '=A9999 15 000001 00 M', ' a9999 15 000001 00 m '])(
    'TRC-02 accepts the scan/text form %p',
    (raw) => {
      expect(parseDonorCode(raw).din).toBe('A999915000001');
    },
  );

  it('TRC-02 refuses a code whose check character does not match', () => {
    expect(() => parseDonorCode('A99991500000100N')).toThrow(
      expect.objectContaining({ problem: 'DONOR_CODE_CHECK_CHARACTER_MISMATCH' }),
    );
  });

  it('TRC-02 detects every single-character substitution in the DIN', () => {
    const good = 'A999915000001';
    const check = mod37_2CheckCharacter(good);
    const alphabet = '0123456789';
    for (let i = 1; i < good.length; i++) {
      for (const c of alphabet) {
        if (c === good[i]) continue;
        const mutated = good.slice(0, i) + c + good.slice(i + 1);
        expect(() => parseDonorCode(`${mutated}00${check}`)).toThrow(DonorCodeError);
      }
    }
  });

  it.each(['', 'A9999150000010M', '19999150000010 0M', 'AA99915000001 00 M', 'A99991500000100'])(
    'TRC-02 refuses the malformed code %p',
    (raw) => {
      expect(() => parseDonorCode(raw)).toThrow(
        expect.objectContaining({ problem: 'DONOR_CODE_MALFORMED' }),
      );
    },
  );

  it('refuses out-of-range generation input', () => {
    expect(() => generateDonorUniqueCode({ facility: 'AB999', year: 26, sequence: 1 })).toThrow();
    expect(() => generateDonorUniqueCode({ facility: 'A9999', year: 26, sequence: 0 })).toThrow();
    expect(() =>
      generateDonorUniqueCode({ facility: 'A9999', year: 26, sequence: 1_000_000 }),
    ).toThrow();
  });
});
