import type { EmResultKind, OccupancyState, ZoneGrade } from '@v2v/contracts';

/*
 * The environmental monitoring limits per zone grade and occupancy state, as data.
 *
 * Source: China GMP (2010 revision) Annex 1 无菌药品, §9 (airborne particles, at rest and in
 * operation), §10 (monitoring) and §11 (microbial limits in operation), which take over the
 * tables of EU GMP Annex 1 (2008). Checked against those tables: the values below are theirs.
 * - Particles, maximum per m³ (≥0.5 µm / ≥5 µm): at rest A 3 520 / 20, B 3 520 / 29,
 *   C 352 000 / 2 900, D 3 520 000 / 29 000; in operation A 3 520 / 20, B 352 000 / 2 900,
 *   C 3 520 000 / 29 000, D not defined (the site sets its own, so nothing is judged here).
 * - Microbial (air cfu/m³, settle plate Ø90 mm cfu/4 h, contact plate Ø55 mm cfu/plate, glove
 *   print 5 fingers cfu/glove): A <1 for each; B 10 / 5 / 5 / 5; C 100 / 50 / 25 / –;
 *   D 200 / 100 / 50 / –. The tables give them for operation; they are applied at rest too,
 *   since a room at rest cannot be allowed more than in operation.
 * The revised EU Annex 1 (2022) differs in places (A: "no growth"; 5 µm at rest in A and B not
 * specified, 2 930 / 29 300 elsewhere); the guideline this platform serves cites China GMP, so
 * its tables are used.
 *
 * `maximum` is the highest count allowed: "<1 cfu" means 0, so any growth in grade A is an
 * excursion; a result above `maximum` is one. `null` means no limit is defined.
 */
type Limits = Readonly<Record<EmResultKind, number | null>>;

const MICROBIAL: Readonly<Record<ZoneGrade, Omit<Limits, 'particles-0.5um' | 'particles-5um'>>> = {
  A: { 'viable-air': 0, 'settle-plate': 0, 'contact-plate': 0, 'glove-print': 0 },
  B: { 'viable-air': 10, 'settle-plate': 5, 'contact-plate': 5, 'glove-print': 5 },
  C: { 'viable-air': 100, 'settle-plate': 50, 'contact-plate': 25, 'glove-print': null },
  D: { 'viable-air': 200, 'settle-plate': 100, 'contact-plate': 50, 'glove-print': null },
};

const PARTICLES: Readonly<Record<OccupancyState, Record<ZoneGrade, [number, number] | null>>> = {
  'at-rest': {
    A: [3_520, 20],
    B: [3_520, 29],
    C: [352_000, 2_900],
    D: [3_520_000, 29_000],
  },
  'in-operation': {
    A: [3_520, 20],
    B: [352_000, 2_900],
    C: [3_520_000, 29_000],
    D: null,
  },
};

/** The highest value allowed for a result of `kind` in a zone of `grade` in `state`. */
export function emLimit(
  kind: EmResultKind,
  grade: ZoneGrade,
  state: OccupancyState,
): number | null {
  if (kind === 'particles-0.5um') return PARTICLES[state][grade]?.[0] ?? null;
  if (kind === 'particles-5um') return PARTICLES[state][grade]?.[1] ?? null;
  return MICROBIAL[grade][kind];
}
