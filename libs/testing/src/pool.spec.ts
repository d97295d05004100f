import { pool } from './pool';

describe('pool', () => {
  it('runs every job once, at most `width` at a time, and keeps their order', async () => {
    let running = 0;
    let widest = 0;
    const results = await pool(10, 3, async (i) => {
      running += 1;
      widest = Math.max(widest, running);
      await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
      running -= 1;
      return i * i;
    });
    expect(results).toEqual([0, 1, 4, 9, 16, 25, 36, 49, 64, 81]);
    expect(widest).toBe(3);
  });
});
