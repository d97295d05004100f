/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence, so a run that
 * failed on a shuffle or a plan can be repeated with its seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The items in an order `random` picks (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Every item twice, in an order `random` picks: what a consumer may be handed after a crash
 * before its offset commit (a redelivery) and producers on several topics (no order across
 * them).
 */
export function twiceShuffled<T>(items: readonly T[], random: () => number): T[] {
  return shuffled([...items, ...items], random);
}
