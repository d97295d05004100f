/**
 * The local demo factory floor (seeded by `tools/platform/demo-facility.seeder.ts`), which the
 * demo and the tests book, check and run steps in. CP-1 is a cell-product area with an open
 * grade-A-in-B room, a local-A-in-C room, a grade D room for closed systems and an incubator
 * room; POS-1 is the dedicated, negative-pressure area for material with a positive marker.
 */
export const DEMO_AREAS = [
  {
    areaCode: 'CP-1',
    name: 'Cell product area 1',
    purpose: 'cell-product',
    airHandlingSystem: 'AHU-1',
    pressureRegime: 'positive',
  },
  {
    areaCode: 'CP-2',
    name: 'Cell product area 2',
    purpose: 'cell-product',
    airHandlingSystem: 'AHU-4',
    pressureRegime: 'positive',
  },
  {
    areaCode: 'VEC-1',
    name: 'Lentiviral vector area',
    purpose: 'vector',
    airHandlingSystem: 'AHU-2',
    pressureRegime: 'positive',
  },
  {
    areaCode: 'POS-1',
    name: 'Positive-material area',
    purpose: 'positive-material',
    airHandlingSystem: 'AHU-3',
    pressureRegime: 'negative',
  },
] as const;

export const DEMO_ROOMS = [
  { roomCode: 'CP1-R01', areaCode: 'CP-1', name: 'Open processing 1', grade: 'A-in-B' },
  { roomCode: 'CP1-R02', areaCode: 'CP-1', name: 'Sampling room', grade: 'local-A-in-C' },
  { roomCode: 'CP1-R03', areaCode: 'CP-1', name: 'Closed processing', grade: 'D' },
  { roomCode: 'CP1-R04', areaCode: 'CP-1', name: 'Incubator room', grade: 'C' },
  { roomCode: 'CP2-R01', areaCode: 'CP-2', name: 'Open processing 2', grade: 'A-in-B' },
  { roomCode: 'VEC1-R01', areaCode: 'VEC-1', name: 'Vector filling', grade: 'A-in-B' },
  { roomCode: 'POS1-R01', areaCode: 'POS-1', name: 'Positive processing', grade: 'A-in-B' },
] as const;

/**
 * `lastPassedCheckDaysAgo`: the seeder records a passed integrity check that many days before
 * it runs (ISO-302's is long overdue, to show FAC-01).
 */
export const DEMO_EQUIPMENT = [
  {
    equipmentCode: 'BSC-101',
    roomCode: 'CP1-R01',
    name: 'Biosafety cabinet 101',
    equipmentClass: 'biosafety-cabinet',
  },
  {
    equipmentCode: 'ISO-301',
    roomCode: 'CP1-R03',
    name: 'Filling isolator 301',
    equipmentClass: 'isolator',
    integrityCheckIntervalDays: 90,
    lastPassedCheckDaysAgo: 1,
  },
  {
    equipmentCode: 'ISO-302',
    roomCode: 'CP1-R03',
    name: 'Filling isolator 302 (check overdue)',
    equipmentClass: 'isolator',
    integrityCheckIntervalDays: 30,
    lastPassedCheckDaysAgo: 200,
  },
  {
    equipmentCode: 'CS-301',
    roomCode: 'CP1-R03',
    name: 'Closed cell processor 301',
    equipmentClass: 'closed-system',
    integrityCheckIntervalDays: 90,
    lastPassedCheckDaysAgo: 1,
  },
  {
    equipmentCode: 'INC-401',
    roomCode: 'CP1-R04',
    name: 'Shared incubator 401',
    equipmentClass: 'incubator',
    incubatorSeparation: 'shared',
  },
  {
    equipmentCode: 'INC-402',
    roomCode: 'CP1-R04',
    name: 'Honeycomb incubator 402',
    equipmentClass: 'incubator',
    incubatorSeparation: 'compartmented',
    compartments: 6,
  },
  {
    equipmentCode: 'BSC-P01',
    roomCode: 'POS1-R01',
    name: 'Biosafety cabinet P01',
    equipmentClass: 'biosafety-cabinet',
  },
  {
    equipmentCode: 'INC-P01',
    roomCode: 'POS1-R01',
    name: 'Honeycomb incubator P01',
    equipmentClass: 'incubator',
    incubatorSeparation: 'compartmented',
    compartments: 4,
  },
] as const;

/**
 * Each demo line carries 400 batches at once: far beyond a real line, because the demo floor
 * is sized for the test suites, which start hundreds of journeys on the same days and each
 * takes a manufacturing slot; a real line's capacity is what its equipment and staff carry.
 */
export const DEMO_LINES = [
  { lineCode: 'L1', areaCode: 'CP-1', name: 'CAR-T line 1', batchCapacity: 400 },
  { lineCode: 'L2', areaCode: 'CP-1', name: 'CAR-T line 2', batchCapacity: 400 },
  { lineCode: 'LP1', areaCode: 'POS-1', name: 'Positive-material line', batchCapacity: 400 },
] as const;

/** Three shifts cover the day (UTC), so a journey at any hour has a shift with a media fill. */
export const DEMO_SHIFTS = [
  { shiftCode: 'EARLY', name: 'Early shift', startsAt: '00:00', endsAt: '08:00' },
  { shiftCode: 'DAY', name: 'Day shift', startsAt: '08:00', endsAt: '16:00' },
  { shiftCode: 'NIGHT', name: 'Night shift', startsAt: '16:00', endsAt: '00:00' },
] as const;
