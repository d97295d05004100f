import type { ProcessStep } from '@v2v/contracts';
import type { Equipment, Room } from '../../facility/facility';
import type { BookingCandidate, BookingFacts, CalendarEntry } from '../room-booking';

/** The demo factory floor and process steps as the calendar's rules see them, for unit tests. */
export const NOW = new Date('2031-03-01T00:00:00Z');
export const at = (hour: number) => new Date(Date.UTC(2031, 2, 10, hour));

export function room(
  roomCode: string,
  grade: Room['grade'],
  purpose: Room['area']['purpose'] = 'cell-product',
): Room {
  const areaCode = purpose === 'positive-material' ? 'POS-1' : 'CP-1';
  return {
    roomCode,
    areaCode,
    name: roomCode,
    grade,
    active: true,
    area: {
      areaCode,
      name: areaCode,
      purpose,
      airHandlingSystem: 'AHU-1',
      pressureRegime: purpose === 'positive-material' ? 'negative' : 'positive',
      active: true,
    },
  };
}

export function equipment(
  code: string,
  roomCode: string,
  cls: Equipment['equipmentClass'],
  extra: Partial<Equipment> = {},
): Equipment {
  return {
    equipmentCode: code,
    roomCode,
    name: code,
    equipmentClass: cls,
    integrityCheckIntervalDays: cls === 'isolator' || cls === 'closed-system' ? 90 : null,
    incubatorSeparation: null,
    compartments: null,
    active: true,
    lastPassedIntegrityCheckAt:
      cls === 'isolator' || cls === 'closed-system' ? '2031-02-20T00:00:00Z' : null,
    lastIntegrityCheckFailedAt: null,
    ...extra,
  };
}

export function step(overrides: Partial<ProcessStep>): ProcessStep {
  return {
    stepId: 'ACTIVATION',
    name: 'step',
    operationType: 'open',
    grade: 'A-in-B',
    equipmentClass: 'biosafety-cabinet',
    cellCulture: false,
    plannedDurationHours: 4,
    parameters: [],
    containers: { beforeUse: [], afterFilling: [] },
    consumables: [],
    transferOut: null,
    producesPositiveWaste: false,
    ...overrides,
  };
}

export const OPEN_ROOM = room('CP1-R01', 'A-in-B');
export const CLOSED_ROOM = room('CP1-R03', 'D');
export const INCUBATOR_ROOM = room('CP1-R04', 'C');
export const BSC = equipment('BSC-101', 'CP1-R01', 'biosafety-cabinet');
export const ISO = equipment('ISO-301', 'CP1-R03', 'isolator');
export const CS = equipment('CS-301', 'CP1-R03', 'closed-system');
export const HONEYCOMB = equipment('INC-402', 'CP1-R04', 'incubator', {
  incubatorSeparation: 'compartmented',
  compartments: 6,
});
export const SHARED_INC = equipment('INC-401', 'CP1-R04', 'incubator', {
  incubatorSeparation: 'shared',
});

export function candidate(overrides: Partial<BookingCandidate> = {}): BookingCandidate {
  return {
    donorCode: 'D-1',
    productCode: 'CART-CD19',
    processVersion: 1,
    stepId: 'ACTIVATION',
    roomCode: 'CP1-R01',
    areaCode: 'CP-1',
    equipmentCode: 'BSC-101',
    equipmentClass: 'biosafety-cabinet',
    incubatorCompartment: null,
    lineCode: 'L1',
    operationType: 'open',
    cellCulture: false,
    positiveMaterial: false,
    startsAt: at(8),
    endsAt: at(12),
    ...overrides,
  };
}

let ids = 0;
export const booked = (overrides: Partial<CalendarEntry> = {}): CalendarEntry => ({
  ...candidate(),
  bookingId: `b-${++ids}`,
  status: 'booked',
  lineClearanceAt: null,
  ...overrides,
});

export const facts = (overrides: Partial<BookingFacts> = {}): BookingFacts => ({
  room: OPEN_ROOM,
  equipment: BSC,
  step: step({}),
  worstCase: { maxConcurrentLinesInArea: 2, maxConcurrentIsolatorsInRoom: 2, operators: 4 },
  now: NOW,
  ...overrides,
});

export const items = (violations: Array<{ item: number }>) => violations.map((v) => v.item);

export const closedFacts = facts({
  room: CLOSED_ROOM,
  equipment: ISO,
  step: step({ stepId: 'FILL', operationType: 'closed', grade: 'D', equipmentClass: 'isolator' }),
});
export const closedCandidate = candidate({
  stepId: 'FILL',
  roomCode: 'CP1-R03',
  operationType: 'closed',
  equipmentCode: 'ISO-301',
  equipmentClass: 'isolator',
});
