import { emLimit } from './em-limits';
import { judgeResult } from './em-rules';

describe('PRD-05 environmental monitoring limits (China GMP 2010 Annex 1 §9–§11)', () => {
  it('PRD-05 allows no growth at all in grade A, for air, settle, contact and glove', () => {
    for (const kind of ['viable-air', 'settle-plate', 'contact-plate', 'glove-print'] as const) {
      expect(emLimit(kind, 'A', 'in-operation')).toBe(0);
      expect(judgeResult(kind, 'A', 'in-operation', 1).outcome).toBe('excursion');
      expect(judgeResult(kind, 'A', 'in-operation', 0).outcome).toBe('within-limit');
    }
  });

  it('PRD-05 gives the microbial limits of B, C and D, with no glove-print limit in C and D', () => {
    const kinds = ['viable-air', 'settle-plate', 'contact-plate', 'glove-print'] as const;
    const table = (grade: 'B' | 'C' | 'D') => kinds.map((k) => emLimit(k, grade, 'at-rest'));
    expect(table('B')).toEqual([10, 5, 5, 5]);
    expect(table('C')).toEqual([100, 50, 25, null]);
    expect(table('D')).toEqual([200, 100, 50, null]);
  });

  it('PRD-05 gives the particle limits at rest and in operation, none for D in operation', () => {
    const particles = (grade: 'A' | 'B' | 'C' | 'D', state: 'at-rest' | 'in-operation') => [
      emLimit('particles-0.5um', grade, state),
      emLimit('particles-5um', grade, state),
    ];
    expect(particles('A', 'at-rest')).toEqual([3_520, 20]);
    expect(particles('B', 'at-rest')).toEqual([3_520, 29]);
    expect(particles('C', 'at-rest')).toEqual([352_000, 2_900]);
    expect(particles('D', 'at-rest')).toEqual([3_520_000, 29_000]);
    expect(particles('A', 'in-operation')).toEqual([3_520, 20]);
    expect(particles('B', 'in-operation')).toEqual([352_000, 2_900]);
    expect(particles('C', 'in-operation')).toEqual([3_520_000, 29_000]);
    expect(particles('D', 'in-operation')).toEqual([null, null]);
  });

  it('PRD-05 judges a value at the limit within it and one above it an excursion', () => {
    expect(judgeResult('settle-plate', 'B', 'in-operation', 5)).toEqual({
      unit: 'cfu/4 h',
      limit: 5,
      outcome: 'within-limit',
    });
    expect(judgeResult('settle-plate', 'B', 'in-operation', 6).outcome).toBe('excursion');
    expect(judgeResult('particles-0.5um', 'B', 'at-rest', 3_600).outcome).toBe('excursion');
    expect(judgeResult('particles-0.5um', 'B', 'in-operation', 3_600).outcome).toBe('within-limit');
  });

  it('PRD-05 records a result without a defined limit as not judged, never as within it', () => {
    expect(judgeResult('glove-print', 'C', 'in-operation', 40)).toEqual({
      unit: 'cfu/glove',
      limit: null,
      outcome: 'no-limit',
    });
  });
});
