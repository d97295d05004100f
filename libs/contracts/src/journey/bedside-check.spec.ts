import { requireTwoBedsideClinicians } from './bedside-check';

const scans = (...clinicians: string[]) => clinicians.map((clinician) => ({ clinician }));

describe('requireTwoBedsideClinicians', () => {
  it('OTH-02 refuses the same clinician scanning twice, naming them', () => {
    expect(() =>
      requireTwoBedsideClinicians('nurse-wang', scans('nurse-wang', 'nurse-wang')),
    ).toThrow(
      expect.objectContaining({
        code: 'OTH-02',
        message:
          'the bedside check takes two different clinicians: nurse-wang scanned twice (OTH-02)',
      }),
    );
  });

  it('OTH-02 refuses a first verification by someone other than the user recording it', () => {
    expect(() => requireTwoBedsideClinicians('nurse-wang', scans('dr-zhou', 'nurse-li'))).toThrow(
      expect.objectContaining({
        code: 'OTH-02',
        message: expect.stringContaining('not by dr-zhou'),
      }),
    );
  });

  it('OTH-02 accepts two different clinicians, the first recording the infusion', () => {
    expect(() =>
      requireTwoBedsideClinicians('nurse-wang', scans('nurse-wang', 'dr-zhou')),
    ).not.toThrow();
  });
});
