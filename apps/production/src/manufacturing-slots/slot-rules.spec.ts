import { DomainError } from '@v2v/contracts';
import {
  addDays,
  earliestFreeStartAfter,
  eligibleLines,
  findSlot,
  FloorOccupancy,
  lineDay,
  manufacturingWindow,
  materialAreaPurpose,
  noManufacturingSlot,
  plannedShipmentOn,
  requireStartInWindow,
  type SlotLine,
  type SlotSearch,
  slotDurationDays,
  withinValidatedWorstCase,
} from './slot-rules';

const line = (lineCode: string, overrides: Partial<SlotLine> = {}): SlotLine => ({
  lineCode,
  areaCode: 'CP-1',
  areaPurpose: 'cell-product',
  batchCapacity: 1,
  active: true,
  ...overrides,
});
const slot = (lineCode: string, startsOn: string, endsOn: string, areaCode = 'CP-1') => ({
  lineCode,
  areaCode,
  startsOn,
  endsOn,
});
const WINDOW = { from: '2030-01-02', to: '2030-01-04' };
const search = (overrides: Partial<SlotSearch> = {}): SlotSearch => ({
  lines: [line('L1')],
  occupancy: new FloorOccupancy([]),
  window: WINDOW,
  durationDays: 2,
  maxConcurrentLinesInArea: null,
  ...overrides,
});
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('not refused');
};

describe('slot duration and shipment', () => {
  it('covers the days the planned hours fill, rounded up', () => {
    expect(slotDurationDays([{ plannedDurationHours: 4 }, { plannedDurationHours: 168 }])).toBe(8);
    expect(slotDurationDays([{ plannedDurationHours: 24 }, { plannedDurationHours: 24 }])).toBe(2);
  });

  it('lasts at least one day', () => {
    expect(slotDurationDays([{ plannedDurationHours: 0.5 }])).toBe(1);
  });

  it('plans the shipment after release testing, or none without release testing days', () => {
    expect(plannedShipmentOn('2030-01-10', 7)).toBe('2030-01-17');
    expect(plannedShipmentOn('2030-01-10', 0)).toBe('2030-01-10');
    expect(plannedShipmentOn('2030-01-10')).toBeNull();
  });

  it('counts days across months and years in UTC', () => {
    expect(addDays('2030-12-30', 3)).toBe('2031-01-02');
    expect(addDays('2032-03-01', -1)).toBe('2032-02-29');
  });
});

describe('manufacturing window', () => {
  it('starts the day after the collection and ends with the shelf life in whole days', () => {
    expect(
      manufacturingWindow({
        collectionDate: '2030-01-01',
        occurredAt: '2029-12-20T10:00:00Z',
        donorMaterialShelfLifeHours: 80,
      }),
    ).toEqual({ from: '2030-01-02', to: '2030-01-04' });
  });

  it('from retained material starts on the step day for 60 days', () => {
    expect(
      manufacturingWindow({
        occurredAt: '2030-03-05T23:30:00Z',
        donorMaterialShelfLifeHours: 72,
      }),
    ).toEqual({ from: '2030-03-05', to: '2030-05-04' });
  });

  it('accepts a preferred day inside the window, its first and last day included', () => {
    expect(() => requireStartInWindow('2030-01-02', WINDOW)).not.toThrow();
    expect(() => requireStartInWindow('2030-01-04', WINDOW)).not.toThrow();
  });

  it('refuses a preferred day outside the window, naming the field and the window', () => {
    const error = refusal(() => requireStartInWindow('2030-01-05', WINDOW));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('2030-01-02 to 2030-01-04');
    expect(error.details.fieldErrors).toEqual([
      { path: 'preferredStartOn', message: 'between 2030-01-02 and 2030-01-04' },
    ]);
  });
});

describe('eligible lines', () => {
  const floor = [
    line('L2'),
    line('L1'),
    line('LX', { active: false }),
    line('LP1', { areaCode: 'POS-1', areaPurpose: 'positive-material' }),
    line('LV', { areaCode: 'VEC-1', areaPurpose: 'vector' }),
  ];

  it('takes the active lines of areas that may hold the material, in code order', () => {
    expect(
      eligibleLines(floor, undefined, [materialAreaPurpose([])]).map((l) => l.lineCode),
    ).toEqual(['L1', 'L2']);
    expect(
      eligibleLines(floor, undefined, [materialAreaPurpose(['HBV'])]).map((l) => l.lineCode),
    ).toEqual(['LP1']);
  });

  it('keeps to the lines the process definition lists', () => {
    expect(
      eligibleLines(floor, ['L2', 'LX', 'LP1'], ['cell-product']).map((l) => l.lineCode),
    ).toEqual(['L2']);
  });
});

describe('capacity per line and day', () => {
  it('a line carries as many batches a day as its capacity', () => {
    const occupancy = new FloorOccupancy([
      slot('L1', '2030-01-01', '2030-01-03'),
      slot('L1', '2030-01-02', '2030-01-04'),
    ]);
    const l1 = line('L1', { batchCapacity: 2 });
    expect(lineDay(l1, '2030-01-01', occupancy, null)).toEqual({
      day: '2030-01-01',
      capacity: 2,
      taken: 1,
      free: 1,
    });
    expect(lineDay(l1, '2030-01-02', occupancy, null).free).toBe(0);
    // The end is exclusive: the line is free again on a slot's end day.
    expect(lineDay(l1, '2030-01-04', occupancy, null).taken).toBe(0);
  });

  it('a slot needs its line free on every day of its duration', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-03', '2030-01-04')]);
    expect(findSlot(search({ occupancy }))).toEqual({ line: line('L1'), startsOn: '2030-01-04' });
  });

  it('another line takes the batch when the first is full', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-01', '2030-02-01')]);
    const found = findSlot(search({ lines: [line('L1'), line('L2')], occupancy }));
    expect(found).toEqual({ line: line('L2'), startsOn: '2030-01-02' });
  });
});

describe('PRD-04 the validated worst case of concurrent lines per area', () => {
  it('PRD-04 counts the line itself unless it is already in use', () => {
    expect(withinValidatedWorstCase(new Set(['L1']), 'L2', 1)).toBe(false);
    expect(withinValidatedWorstCase(new Set(['L1']), 'L1', 1)).toBe(true);
    expect(withinValidatedWorstCase(new Set(['L1', 'L2']), 'L3', 2)).toBe(false);
    expect(withinValidatedWorstCase(new Set(['L1', 'L2']), 'L3', null)).toBe(true);
  });

  it('PRD-04 refuses a free line while the area is at its validated number of lines', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-01', '2030-02-01')]);
    const lines = [line('L1'), line('L2')];
    expect(findSlot(search({ lines, occupancy, maxConcurrentLinesInArea: 1 }))).toBeUndefined();
    expect(lineDay(line('L2'), '2030-01-02', occupancy, 1).free).toBe(0);
  });

  it('PRD-04 lines of another area do not count against the area', () => {
    const occupancy = new FloorOccupancy([slot('LP1', '2030-01-01', '2030-02-01', 'POS-1')]);
    expect(findSlot(search({ occupancy, maxConcurrentLinesInArea: 1 }))?.startsOn).toBe(
      '2030-01-02',
    );
  });

  it('PRD-04 a second batch on a line in use keeps the area within its limit', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-01', '2030-02-01')]);
    const lines = [line('L1', { batchCapacity: 2 }), line('L2')];
    expect(findSlot(search({ lines, occupancy, maxConcurrentLinesInArea: 1 }))?.line.lineCode).toBe(
      'L1',
    );
  });
});

describe('finding a slot', () => {
  it('takes the preferred day when a line is free for the whole duration from it', () => {
    expect(findSlot(search({ preferredStartOn: '2030-01-03' }))?.startsOn).toBe('2030-01-03');
  });

  it('moves a taken preferred day to the earliest free start in the window', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-04', '2030-01-06')]);
    expect(findSlot(search({ occupancy, preferredStartOn: '2030-01-03' }))?.startsOn).toBe(
      '2030-01-02',
    );
  });

  it('with none free, names the earliest day after the window a line is free', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-01', '2030-01-09')]);
    const full = search({ occupancy });
    expect(findSlot(full)).toBeUndefined();
    expect(earliestFreeStartAfter(full)).toBe('2030-01-09');
    const error = noManufacturingSlot(full, '2030-01-09');
    expect(error.code).toBe('NO_MANUFACTURING_SLOT');
    expect(error.message).toContain('the earliest free start after it is 2030-01-09');
    expect(error.details).toEqual({ earliestFreeStartOn: '2030-01-09', window: WINDOW });
  });

  it('with no line free in 120 days after the window, says so', () => {
    const occupancy = new FloorOccupancy([slot('L1', '2030-01-01', '2031-01-01')]);
    const full = search({ occupancy });
    expect(earliestFreeStartAfter(full)).toBeNull();
    expect(noManufacturingSlot(full, null).message).toContain(
      'no line is free within 120 days after it',
    );
  });

  it('with no eligible line, refuses and names none', () => {
    const none = search({ lines: [] });
    expect(findSlot(none)).toBeUndefined();
    expect(noManufacturingSlot(none, earliestFreeStartAfter(none)).message).toContain(
      'no eligible line',
    );
  });
});
