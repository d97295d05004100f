import { CART_CD19_V1 } from '@v2v/contracts';
import { evaluateDonorScreening } from './donor-screening.rules';

const standard = CART_CD19_V1.donorScreening;
type Result = {
  marker: 'HIV' | 'HBV' | 'HCV' | 'syphilis';
  result: 'negative' | 'positive';
  method: string;
};
const negative = (marker: Result['marker']): Result => ({
  marker,
  result: 'negative',
  method: 'CLIA',
});
const screening = (
  results: Result[] = [negative('HIV'), negative('HBV'), negative('HCV'), negative('syphilis')],
  sampledAt = '2026-11-20T08:00:00Z',
) => ({
  sampledAt,
  results,
  eligibilityConfirmed: true as const,
});
const now = '2026-11-25T08:00:00Z';

describe('donor screening against the product standard', () => {
  it('DON-01 accepts a donor negative for every required marker', () => {
    expect(evaluateDonorScreening(standard, screening(), now)).toEqual({
      knownPositiveMarkers: [],
    });
  });

  it('DON-01 refuses a donor without a result for a required marker, naming it', () => {
    expect(() =>
      evaluateDonorScreening(
        standard,
        screening([negative('HIV'), negative('HBV'), negative('HCV')]),
        now,
      ),
    ).toThrow(
      expect.objectContaining({ code: 'DON-01', message: expect.stringContaining('syphilis') }),
    );
  });

  it('DON-01 refuses a donor positive for a marker the product excludes', () => {
    const results = [
      { marker: 'HIV' as const, result: 'positive' as const, method: 'CLIA' },
      negative('HBV'),
      negative('HCV'),
      negative('syphilis'),
    ];
    expect(() => evaluateDonorScreening(standard, screening(results), now)).toThrow(
      expect.objectContaining({
        code: 'DON-01',
        message: expect.stringContaining('positive for HIV'),
      }),
    );
  });

  it('DON-01 refuses results older than the standard allows', () => {
    expect(() =>
      evaluateDonorScreening(standard, screening(undefined, '2026-10-01T08:00:00Z'), now),
    ).toThrow(
      expect.objectContaining({
        code: 'DON-01',
        message: expect.stringContaining('valid for 30 days'),
      }),
    );
  });

  it('DON-05 accepts autologous material positive for a non-excluding marker and flags it', () => {
    const results = [
      negative('HIV'),
      { marker: 'HBV' as const, result: 'positive' as const, method: 'CLIA' },
      negative('HCV'),
      negative('syphilis'),
    ];
    expect(evaluateDonorScreening(standard, screening(results), now)).toEqual({
      knownPositiveMarkers: ['HBV'],
    });
  });
});
