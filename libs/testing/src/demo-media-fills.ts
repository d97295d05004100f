/**
 * The local demo media fills (seeded by `tools/platform/demo-media-fills.seeder.ts`, PRD-02):
 * line L1 is qualified and current on every shift (EARLY, DAY, NIGHT); L2's only pass on the
 * day shift was performed seven months (213 days) before seeding, so L2 DAY is not current.
 * `performedDaysAgo` counts back from the day the seeder runs.
 */
export const DEMO_MEDIA_FILLS = [
  {
    eventId: 'seed-media-fill-L1-DAY-initial',
    lineCode: 'L1',
    shiftCode: 'DAY',
    kind: 'initial',
    performedDaysAgo: 60,
  },
  {
    eventId: 'seed-media-fill-L1-DAY-periodic',
    lineCode: 'L1',
    shiftCode: 'DAY',
    kind: 'periodic',
    performedDaysAgo: 10,
  },
  {
    eventId: 'seed-media-fill-L1-NIGHT-periodic',
    lineCode: 'L1',
    shiftCode: 'NIGHT',
    kind: 'periodic',
    performedDaysAgo: 9,
  },
  {
    eventId: 'seed-media-fill-L1-EARLY-periodic',
    lineCode: 'L1',
    shiftCode: 'EARLY',
    kind: 'periodic',
    performedDaysAgo: 8,
  },
  {
    eventId: 'seed-media-fill-L2-DAY-initial',
    lineCode: 'L2',
    shiftCode: 'DAY',
    kind: 'initial',
    performedDaysAgo: 213,
  },
] as const;
