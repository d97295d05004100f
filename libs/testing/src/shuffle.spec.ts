import { seededRandom, shuffled, twiceShuffled } from './shuffle';

describe('seeded shuffles for the fault and delivery tests', () => {
  it('repeats the same order for the same seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(items, seededRandom(5))).toEqual(shuffled(items, seededRandom(5)));
    expect(shuffled(items, seededRandom(5))).not.toEqual(shuffled(items, seededRandom(6)));
    expect([...shuffled(items, seededRandom(5))].sort((a, b) => a - b)).toEqual(items);
  });

  it('hands every item over twice, no more, no less', () => {
    const twice = twiceShuffled(['a', 'b', 'c'], seededRandom(1));
    expect([...twice].sort()).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('draws in [0, 1)', () => {
    const random = seededRandom(123);
    for (let i = 0; i < 1_000; i += 1) {
      const x = random();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
