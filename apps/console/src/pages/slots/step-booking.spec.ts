import type { BatchRecordView } from '@v2v/contracts';
import type { CalendarBooking, RegisterArea, RegisterEquipment } from '../batch/batch-record';
import {
  bookingPlaces,
  needsCompartment,
  plannedEnd,
  stepToBook,
  usableEquipment,
} from './step-booking';

const equipment = (over: Partial<RegisterEquipment>): RegisterEquipment => ({
  equipmentCode: 'CS-301',
  name: 'Closed cell processor 301',
  equipmentClass: 'closed-system',
  incubatorSeparation: null,
  compartments: null,
  active: true,
  integrityCheck: { status: 'current', dueAt: '2027-01-01T00:00:00Z' },
  ...over,
});

const area = (over: Partial<RegisterArea>): RegisterArea => ({
  areaCode: 'CP-1',
  name: 'Cell product area 1',
  purpose: 'cell-product',
  active: true,
  rooms: [],
  lines: [
    { lineCode: 'L2', name: 'line 2', active: true },
    { lineCode: 'L1', name: 'line 1', active: true },
    { lineCode: 'L9', name: 'retired', active: false },
  ],
  ...over,
});

const FLOOR: RegisterArea[] = [
  area({
    rooms: [
      {
        roomCode: 'CP1-R01',
        name: 'Open processing',
        grade: 'A-in-B',
        active: true,
        equipment: [equipment({ equipmentCode: 'BSC-101', equipmentClass: 'biosafety-cabinet' })],
      },
      {
        roomCode: 'CP1-R03',
        name: 'Closed processing',
        grade: 'D',
        active: true,
        equipment: [
          equipment({}),
          equipment({ equipmentCode: 'CS-302', active: false }),
          equipment({ equipmentCode: 'ISO-301', equipmentClass: 'isolator' }),
        ],
      },
      {
        roomCode: 'CP1-R09',
        name: 'Retired room',
        grade: 'D',
        active: false,
        equipment: [equipment({ equipmentCode: 'CS-309' })],
      },
    ],
  }),
  area({
    areaCode: 'POS-1',
    purpose: 'positive-material',
    lines: [{ lineCode: 'LP1', name: 'positive line', active: true }],
    rooms: [
      {
        roomCode: 'POS1-R01',
        name: 'Positive processing',
        grade: 'A-in-B',
        active: true,
        equipment: [equipment({ equipmentCode: 'CS-P01' })],
      },
    ],
  }),
];

describe('booking a batch step (PRD-04)', () => {
  it('offers the active rooms holding active equipment of the step class, with only that equipment', () => {
    const places = bookingPlaces(FLOOR, { equipmentClass: 'closed-system' }, false);
    expect(places.map((p) => p.room.roomCode)).toEqual(['CP1-R03']);
    expect(places[0].equipment.map((e) => e.equipmentCode)).toEqual(['CS-301']);
  });

  it('§9(5)1 keeps positive material in its dedicated area and other material out of it', () => {
    const positive = bookingPlaces(FLOOR, { equipmentClass: 'closed-system' }, true);
    expect(positive.map((p) => p.room.roomCode)).toEqual(['POS1-R01']);
    expect(positive[0].lines.map((l) => l.lineCode)).toEqual(['LP1']);
  });

  it("offers the area's active lines the process runs on, in the process's order", () => {
    const step = { equipmentClass: 'closed-system' } as const;
    expect(bookingPlaces(FLOOR, step, false)[0].lines.map((l) => l.lineCode)).toEqual(['L2', 'L1']);
    expect(
      bookingPlaces(FLOOR, step, false, ['L1', 'LP1', 'L2'])[0].lines.map((l) => l.lineCode),
    ).toEqual(['L1', 'L2']);
    expect(bookingPlaces(FLOOR, step, false, ['LP1'])[0].lines).toEqual([]);
  });

  it('offers every active room of the area to general work, which needs no equipment', () => {
    const places = bookingPlaces(FLOOR, { equipmentClass: 'general' }, false);
    expect(places.map((p) => [p.room.roomCode, p.equipment.length])).toEqual([
      ['CP1-R01', 0],
      ['CP1-R03', 0],
    ]);
  });

  it('FAC-01 offers equipment whose integrity check is current or not scheduled', () => {
    const status = (s: RegisterEquipment['integrityCheck']['status']) =>
      usableEquipment(equipment({ integrityCheck: { status: s, dueAt: null } }));
    expect(status('current')).toBe(true);
    expect(status('not-scheduled')).toBe(true);
    expect(status('overdue')).toBe(false);
    expect(status('never-checked')).toBe(false);
    expect(status('failed')).toBe(false);
  });

  it('§9(5)6 asks a compartment of an open culture on a compartmented incubator only', () => {
    const honeycomb = equipment({
      equipmentClass: 'incubator',
      incubatorSeparation: 'compartmented',
    });
    const shared = equipment({ equipmentClass: 'incubator', incubatorSeparation: 'shared' });
    expect(needsCompartment({ operationType: 'open', cellCulture: true }, honeycomb)).toBe(true);
    expect(needsCompartment({ operationType: 'closed', cellCulture: true }, honeycomb)).toBe(false);
    expect(needsCompartment({ operationType: 'open', cellCulture: false }, honeycomb)).toBe(false);
    expect(needsCompartment({ operationType: 'open', cellCulture: true }, shared)).toBe(false);
  });

  it('ends the booking the planned hours after its start, across midnight and days', () => {
    expect(plannedEnd('2026-12-01T22:30:15', 4)).toBe('2026-12-02T02:30:15');
    expect(plannedEnd('2026-12-01T08:00:00', 168)).toBe('2026-12-08T08:00:00');
  });

  const view = (statuses: Array<'pending' | 'in-progress' | 'completed'>) =>
    ({
      donorCode: 'D1',
      completed: false,
      steps: statuses.map((status, i) => ({ stepId: `S${i}`, name: `S${i}`, status })),
    }) as unknown as BatchRecordView;
  const booked = (stepId: string, over: Partial<CalendarBooking> = {}): CalendarBooking => ({
    bookingId: `b-${stepId}`,
    donorCode: 'D1',
    stepId,
    roomCode: 'CP1-R03',
    equipmentCode: 'CS-301',
    incubatorCompartment: null,
    lineCode: 'L1',
    startsAt: '2026-12-01T10:00:00Z',
    endsAt: '2026-12-01T14:00:00Z',
    status: 'booked',
    completedAt: null,
    lineClearanceAt: null,
    ...over,
  });

  it('books the first step not taken that has no booking still to be worked', () => {
    expect(stepToBook(view(['pending', 'pending']), [])?.stepId).toBe('S0');
    expect(stepToBook(view(['in-progress', 'pending']), [booked('S0')])?.stepId).toBe('S1');
    expect(stepToBook(view(['pending', 'pending']), [booked('S0')])?.stepId).toBe('S1');
    expect(stepToBook(view(['pending']), [booked('S0', { donorCode: 'D2' })])?.stepId).toBe('S0');
    expect(stepToBook(view(['pending']), [booked('S0', { status: 'cancelled' })])?.stepId).toBe(
      'S0',
    );
    expect(stepToBook(view(['completed', 'pending']), [booked('S1')])).toBeUndefined();
    expect(stepToBook({ ...view(['pending']), rejectedAt: '2026-12-01T00:00:00Z' }, [])).toBe(
      undefined,
    );
  });
});
