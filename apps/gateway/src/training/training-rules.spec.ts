import { assertTrainedFor } from './training-rules';

const operator = { username: 'op', role: 'operator' };
const hospital = { username: 'nurse', role: 'hospital' };

describe('training matrix', () => {
  it('PER-01 allows an operation with a current training record', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2025-01-01', expiresOn: '2026-11-25' }],
        '2026-11-25',
      ),
    ).not.toThrow();
  });

  it('PER-01 refuses an operation whose training expired', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2025-01-01', expiresOn: '2026-11-24' }],
        '2026-11-25',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'PER-01',
        message: expect.stringContaining('expired on 2026-11-24'),
      }),
    );
  });

  it('PER-01 refuses an operation without any training record for it', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'completeProduction', trainedOn: '2025-01-01', expiresOn: '2030-01-01' }],
        '2026-11-25',
      ),
    ).toThrow(expect.objectContaining({ code: 'PER-01' }));
  });

  it('PER-01 refuses an operation whose training record is valid only from a later date', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2026-12-01', expiresOn: '2028-12-01' }],
        '2026-11-25',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'PER-01',
        message: expect.stringContaining('valid only from 2026-12-01'),
      }),
    );
  });

  it('PER-01 allows an operation from the first day of its training record', () => {
    expect(() =>
      assertTrainedFor(
        operator,
        'startProduction',
        [{ operation: 'startProduction', trainedOn: '2026-11-25', expiresOn: '2028-11-25' }],
        '2026-11-25',
      ),
    ).not.toThrow();
  });

  it.each(['recordCollection', 'recordInfusion'] as const)(
    'OTH-02 refuses untrained hospital staff signing %s',
    (step) => {
      expect(() => assertTrainedFor(hospital, step, [], '2026-11-25')).toThrow(
        expect.objectContaining({ code: 'OTH-02' }),
      );
    },
  );

  it('OTH-02 allows trained hospital staff to sign the infusion record', () => {
    expect(() =>
      assertTrainedFor(
        hospital,
        'recordInfusion',
        [{ operation: 'recordInfusion', trainedOn: '2025-01-01', expiresOn: '2027-12-31' }],
        '2026-11-25',
      ),
    ).not.toThrow();
  });
});
