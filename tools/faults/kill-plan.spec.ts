import { seededRandom } from '@v2v/testing';
import { PLATFORM_PROCESS_NAMES } from '../platform/platform-processes';
import { COMPONENTS, killsPerComponent, PLATFORM_PROCESSES, planKills, SERVERS } from './kill-plan';

describe('the fault suite kill plan', () => {
  it("names exactly the launcher's processes, whose pid files it reads", () => {
    expect([...PLATFORM_PROCESSES].sort()).toEqual([...PLATFORM_PROCESS_NAMES].sort());
  });

  it('gives the same plan for the same seed, another for another seed', () => {
    expect(planKills(30, seededRandom(7))).toEqual(planKills(30, seededRandom(7)));
    expect(planKills(30, seededRandom(7))).not.toEqual(planKills(30, seededRandom(8)));
  });

  it('kills every component at least once when the kills suffice, KILLS in all', () => {
    const plan = planKills(30, seededRandom(42));
    expect(plan).toHaveLength(30);
    const counts = killsPerComponent(plan.map((k) => k.component));
    for (const component of COMPONENTS) expect(counts[component]).toBeGreaterThanOrEqual(1);
  });

  it('with fewer kills than components kills each server once, then distinct processes', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const plan = planKills(6, seededRandom(seed));
      const components = plan.map((k) => k.component);
      expect(new Set(components).size).toBe(6);
      expect(components).toEqual(expect.arrayContaining([...SERVERS]));
    }
    expect(planKills(2, seededRandom(3)).every((k) => k.component !== 'gateway')).toBe(true);
  });

  it('spreads the kills in order of progress, inside the run, each with a delay under 2 s', () => {
    const plan = planKills(12, seededRandom(99));
    const moments = plan.map((k) => k.atProgress);
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
    for (const k of plan) {
      expect(k.atProgress).toBeGreaterThanOrEqual(0.05);
      expect(k.atProgress).toBeLessThanOrEqual(0.85);
      expect(k.delayMs).toBeGreaterThanOrEqual(0);
      expect(k.delayMs).toBeLessThan(2_000);
    }
  });

  it('refuses a count that is not one', () => {
    expect(() => planKills(-1, seededRandom(1))).toThrow(/KILLS/);
    expect(() => planKills(2.5, seededRandom(1))).toThrow(/KILLS/);
    expect(planKills(0, seededRandom(1))).toEqual([]);
  });
});
