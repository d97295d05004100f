import {
  DEMO_AREAS,
  DEMO_EQUIPMENT,
  DEMO_LINES,
  DEMO_PROCESS_CART_CD19,
  DEMO_ROOMS,
} from '@v2v/testing';
import type { Equipment, Room } from '../../apps/production/src/facility/facility';
import type {
  BookingCandidate,
  BookingFacts,
  CalendarEntry,
} from '../../apps/production/src/calendar/room-booking';
import { checkBooking } from '../../apps/production/src/calendar/scheduling-rules';

/**
 * `npm run bench:booking`: the PRD-04 check (`checkBooking`) against an in-memory calendar of
 * BOOKINGS bookings (default 1,000) spread over the demo rooms for a quarter, for CANDIDATES
 * candidates (default 10,000); prints p50/p99 per check and, measured in the same run as its
 * floor, a plain scan of the same bookings for overlaps, with the ratio.
 */
const BOOKINGS = Number(process.env.BOOKINGS ?? 1000);
const CANDIDATES = Number(process.env.CANDIDATES ?? 10_000);
const MONTH_START = Date.UTC(2031, 0, 1);
const HOUR = 3_600_000;
const PRODUCTS = ['CART-CD19', 'CART-BCMA', 'TIL-MEL'];

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const rooms: Room[] = DEMO_ROOMS.map((r) => {
  const area = DEMO_AREAS.find((a) => a.areaCode === r.areaCode)!;
  return { ...r, active: true, area: { ...area, active: true } };
});
const equipment: Equipment[] = DEMO_EQUIPMENT.map((e) => ({
  equipmentCode: e.equipmentCode,
  roomCode: e.roomCode,
  name: e.name,
  equipmentClass: e.equipmentClass,
  integrityCheckIntervalDays:
    'integrityCheckIntervalDays' in e ? e.integrityCheckIntervalDays : null,
  incubatorSeparation: 'incubatorSeparation' in e ? e.incubatorSeparation : null,
  compartments: 'compartments' in e ? e.compartments : null,
  active: true,
  lastPassedIntegrityCheckAt: new Date(MONTH_START).toISOString(),
  lastIntegrityCheckFailedAt: null,
}));
const steps = DEMO_PROCESS_CART_CD19.steps;

/** A step of the demo process on a random piece of fitting equipment at a random time. */
function placement(i: number): { candidate: BookingCandidate; facts: BookingFacts } {
  const step = pick(steps);
  const fitting = equipment.filter((e) => e.equipmentClass === step.equipmentClass);
  const eq = fitting.length ? pick(fitting) : undefined;
  const room = rooms.find((r) => r.roomCode === (eq?.roomCode ?? 'CP1-R01'))!;
  const startsAt = new Date(MONTH_START + Math.floor(random() * 90 * 24) * HOUR);
  const hours = Math.min(step.plannedDurationHours, 72);
  const lines = DEMO_LINES.filter((l) => l.areaCode === room.areaCode);
  return {
    candidate: {
      donorCode: `D-${i % 400}`,
      productCode: pick(PRODUCTS),
      processVersion: 1,
      stepId: step.stepId,
      roomCode: room.roomCode,
      areaCode: room.areaCode,
      equipmentCode: eq?.equipmentCode ?? null,
      equipmentClass: eq?.equipmentClass ?? null,
      incubatorCompartment: eq?.compartments ? 1 + Math.floor(random() * eq.compartments) : null,
      lineCode: lines.length ? pick(lines).lineCode : null,
      operationType: step.operationType,
      cellCulture: step.cellCulture,
      positiveMaterial: room.area.purpose === 'positive-material',
      startsAt,
      endsAt: new Date(startsAt.getTime() + hours * HOUR),
    },
    facts: {
      room,
      equipment: eq,
      step,
      worstCase: { maxConcurrentLinesInArea: 2, maxConcurrentIsolatorsInRoom: 2, operators: 4 },
      now: new Date(MONTH_START),
    },
  };
}

const calendar: CalendarEntry[] = Array.from({ length: BOOKINGS }, (_, i) => ({
  ...placement(i).candidate,
  bookingId: `b-${i}`,
  status: random() < 0.05 ? 'cancelled' : 'booked',
  lineClearanceAt: null,
}));
const candidates = Array.from({ length: CANDIDATES }, (_, i) => placement(BOOKINGS + i));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time(run: (i: number) => number): { p50: number; p99: number; total: number } {
  const samples: number[] = [];
  let sink = 0;
  for (let i = 0; i < candidates.length; i++) {
    const t = performance.now();
    sink += run(i);
    samples.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink); // keeps the work observable to the optimiser
  const total = samples.reduce((a, b) => a + b, 0);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), total };
}

/** The floor: one plain pass over the same bookings, counting the overlapping ones. */
function plainScan(i: number): number {
  const c = candidates[i].candidate;
  const start = c.startsAt.getTime();
  const end = c.endsAt.getTime();
  let overlapping = 0;
  for (const b of calendar)
    if (b.areaCode === c.areaCode && b.endsAt.getTime() > start && b.startsAt.getTime() < end)
      overlapping += 1;
  return overlapping;
}

const check = (i: number) =>
  checkBooking(candidates[i].candidate, calendar, candidates[i].facts).length;

// Warm both paths up so the JIT has compiled them before anything is timed.
for (let i = 0; i < 1000; i++) {
  check(i);
  plainScan(i);
}
const scan = time(plainScan);
const rules = time(check);
const refused = candidates.filter((_, i) => check(i) > 0).length;
const ms = (n: number) => n.toFixed(4);
console.log(
  `calendar ${BOOKINGS} bookings, ${CANDIDATES} candidates (${refused} refused by PRD-04)`,
);
console.log(
  `checkBooking  p50 ${ms(rules.p50)} ms  p99 ${ms(rules.p99)} ms  total ${rules.total.toFixed(1)} ms`,
);
console.log(
  `plain scan    p50 ${ms(scan.p50)} ms  p99 ${ms(scan.p99)} ms  total ${scan.total.toFixed(1)} ms`,
);
console.log(
  `ratio         p50 ${(rules.p50 / scan.p50).toFixed(2)}×  p99 ${(rules.p99 / scan.p99).toFixed(2)}×  total ${(rules.total / scan.total).toFixed(2)}×`,
);
