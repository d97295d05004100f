import type { Refusal } from '../../api/refusal';
import {
  addDays,
  bookedSlot,
  dayState,
  earliestFreeStartOn,
  lastManufacturingDay,
  localToday,
  type ManufacturingSlot,
  replacedBy,
  startsAfterCollection,
} from './slots';

const slot = (over: Partial<ManufacturingSlot>): ManufacturingSlot => ({
  slotId: 'slot-1',
  donorCode: 'A99991500000100M',
  journeyId: 'journey-A99991500000100M',
  productCode: 'CART-CD19',
  lineCode: 'LINE-A',
  areaCode: 'AREA-B',
  startsOn: '2026-12-03',
  endsOn: '2026-12-05',
  plannedShipmentOn: '2026-12-12',
  status: 'booked',
  reason: 'collection scheduled for 2026-12-02',
  requestedBy: { userId: 'scheduler', role: 'scheduler' },
  requestedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

const refusal = (code: string, details?: Record<string, unknown>): Refusal => ({
  status: 409,
  code,
  message: 'no production line (LINE-A) is free …',
  fieldErrors: [],
  ...(details ? { details } : {}),
});

describe('calendar days (the unit tests run with TZ=UTC)', () => {
  it('counts days across a month and a year end', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-01', 14)).toBe('2026-12-15');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("takes today's date in the browser's zone", () => {
    expect(localToday(new Date('2026-12-01T23:59:00Z'))).toBe('2026-12-01');
  });

  it('shows the last manufacturing day before the exclusive end', () => {
    expect(lastManufacturingDay(slot({ endsOn: '2026-12-05' }))).toBe('2026-12-04');
  });

  it('starts manufacturing the day after the collection at the earliest', () => {
    expect(startsAfterCollection('2026-12-02', '2026-12-03')).toBe(true);
    expect(startsAfterCollection('2026-12-02', '2026-12-02')).toBe(false);
  });
});

describe("a line's day in the capacity calendar", () => {
  it('is free while a place is left', () => {
    expect(dayState({ day: '2026-12-03', capacity: 2, taken: 1, free: 1 })).toBe('free');
  });

  it('is full when every place is taken', () => {
    expect(dayState({ day: '2026-12-03', capacity: 1, taken: 1, free: 0 })).toBe('full');
  });

  it("is at the area's validated limit (PRD-04) when places are left but none is free", () => {
    expect(dayState({ day: '2026-12-03', capacity: 2, taken: 0, free: 0 })).toBe('area-limit');
  });
});

describe("a journey's slot history", () => {
  const old = slot({ slotId: 'old', status: 'released', releaseReason: 'rebooked: …' });
  const next = slot({ slotId: 'new', replacesSlotId: 'old' });

  it('names the slot that replaced a rebooked one', () => {
    expect(replacedBy([next, old]).get('old')).toBe('new');
    expect(replacedBy([next, old]).has('new')).toBe(false);
  });

  it('finds the booked slot among released ones', () => {
    expect(bookedSlot([next, old])?.slotId).toBe('new');
    expect(bookedSlot([old])).toBeUndefined();
  });
});

describe('the earliest free day of a NO_MANUFACTURING_SLOT refusal', () => {
  it('is read from the refusal details', () => {
    const r = refusal('NO_MANUFACTURING_SLOT', { earliestFreeStartOn: '2026-12-20' });
    expect(earliestFreeStartOn(r)).toBe('2026-12-20');
  });

  it('is none when no line is free after the window either', () => {
    const r = refusal('NO_MANUFACTURING_SLOT', { earliestFreeStartOn: null });
    expect(earliestFreeStartOn(r)).toBeUndefined();
  });

  it('is none for another refusal', () => {
    expect(
      earliestFreeStartOn(refusal('STEP_OUT_OF_ORDER', { earliestFreeStartOn: '2026-12-20' })),
    ).toBeUndefined();
  });
});
