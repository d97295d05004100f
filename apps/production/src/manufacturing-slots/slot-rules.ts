import { type AreaPurpose, DomainError } from '@v2v/contracts';

/*
 * Manufacturing slots (issue 11): how long a slot lasts, when a batch may start, and whether a
 * line is free for it — capacity per line and day, and PRD-04's validated worst case of
 * concurrent lines per area (§9(5)7). Days are ISO dates of the factory's calendar (UTC).
 */

const DAY_MS = 86_400_000;
/** How far past the window a refusal looks for the earliest day a line is free. */
export const SEARCH_AFTER_WINDOW_DAYS = 120;
/** A re-manufacture from retained material starts within this many days of its step. */
export const RETAINED_MATERIAL_WINDOW_DAYS = 60;

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The first manufacturing days a batch may start on, both inclusive. */
export interface ManufacturingWindow {
  from: string;
  to: string;
}

/** A slot covers the days its steps' planned hours fill, at least one. */
export function slotDurationDays(steps: ReadonlyArray<{ plannedDurationHours: number }>): number {
  const hours = steps.reduce((sum, step) => sum + step.plannedDurationHours, 0);
  return Math.max(1, Math.ceil(hours / 24));
}

/** The planned shipment: release testing after the slot's (exclusive) end; null without one. */
export function plannedShipmentOn(endsOn: string, releaseTestingDays?: number): string | null {
  return releaseTestingDays === undefined ? null : addDays(endsOn, releaseTestingDays);
}

/**
 * From a collection, manufacturing starts the day after it (the material has reached the
 * factory) and no later than the donor material's shelf life allows; from retained material
 * (no collection), from the step's day for 60 days.
 */
export function manufacturingWindow(input: {
  collectionDate?: string;
  occurredAt: string;
  donorMaterialShelfLifeHours: number;
}): ManufacturingWindow {
  if (input.collectionDate === undefined) {
    const day = new Date(input.occurredAt).toISOString().slice(0, 10);
    return { from: day, to: addDays(day, RETAINED_MATERIAL_WINDOW_DAYS) };
  }
  return {
    from: addDays(input.collectionDate, 1),
    to: addDays(input.collectionDate, Math.floor(input.donorMaterialShelfLifeHours / 24)),
  };
}

/** The scheduler's preferred first day lies in the window; outside it is refused, named. */
export function requireStartInWindow(preferredStartOn: string, window: ManufacturingWindow): void {
  if (preferredStartOn >= window.from && preferredStartOn <= window.to) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    `preferredStartOn ${preferredStartOn} is outside the manufacturing window ${window.from} to ${window.to}`,
    {
      fieldErrors: [
        { path: 'preferredStartOn', message: `between ${window.from} and ${window.to}` },
      ],
      window,
    },
  );
}

/** Positive material only in its dedicated area, other material in a cell-product one (DON-05). */
export const materialAreaPurpose = (knownPositiveMarkers: readonly string[]): AreaPurpose =>
  knownPositiveMarkers.length > 0 ? 'positive-material' : 'cell-product';

/** A line of the floor as slots see it. */
export interface SlotLine {
  lineCode: string;
  areaCode: string;
  areaPurpose: AreaPurpose;
  batchCapacity: number;
  active: boolean;
}

/**
 * The lines a process may book: active lines (of an active area) the definition lists, every
 * active line when it lists none, in an area of one of the purposes; in code order.
 */
export function eligibleLines(
  lines: readonly SlotLine[],
  lineCodes: readonly string[] | undefined,
  purposes: readonly AreaPurpose[],
): SlotLine[] {
  return lines
    .filter((l) => l.active && purposes.includes(l.areaPurpose))
    .filter((l) => lineCodes === undefined || lineCodes.includes(l.lineCode))
    .sort((a, b) => a.lineCode.localeCompare(b.lineCode));
}

/** A held or booked slot, as occupancy counts it over [startsOn, endsOn). */
export interface OccupiedSlot {
  lineCode: string;
  areaCode: string;
  startsOn: string;
  endsOn: string;
}

/** Who is on the floor each day: batches per line, lines in use per area. */
export class FloorOccupancy {
  private readonly perLine = new Map<string, number>();
  private readonly perArea = new Map<string, Set<string>>();

  constructor(slots: readonly OccupiedSlot[]) {
    for (const slot of slots)
      for (let day = slot.startsOn; day < slot.endsOn; day = addDays(day, 1)) {
        const key = `${slot.lineCode}|${day}`;
        this.perLine.set(key, (this.perLine.get(key) ?? 0) + 1);
        const areaKey = `${slot.areaCode}|${day}`;
        const lines = this.perArea.get(areaKey) ?? new Set<string>();
        lines.add(slot.lineCode);
        this.perArea.set(areaKey, lines);
      }
  }

  taken(lineCode: string, day: string): number {
    return this.perLine.get(`${lineCode}|${day}`) ?? 0;
  }

  linesInUse(areaCode: string, day: string): ReadonlySet<string> {
    return this.perArea.get(`${areaCode}|${day}`) ?? new Set<string>();
  }
}

/**
 * PRD-04 (§9(5)7): a batch on the line keeps the area within the validated worst case's number
 * of concurrent lines — counting the line itself, which adds none when it is already in use.
 * Without a validated worst case there is no area limit.
 */
export function withinValidatedWorstCase(
  linesInUse: ReadonlySet<string>,
  lineCode: string,
  maxConcurrentLinesInArea: number | null,
): boolean {
  if (maxConcurrentLinesInArea === null) return true;
  const concurrent = linesInUse.size + (linesInUse.has(lineCode) ? 0 : 1);
  return concurrent <= maxConcurrentLinesInArea;
}

/** What a batch on one line on one day finds: capacity, batches on it, places it may take. */
export function lineDay(
  line: SlotLine,
  day: string,
  occupancy: FloorOccupancy,
  maxConcurrentLinesInArea: number | null,
) {
  const taken = occupancy.taken(line.lineCode, day);
  const area = occupancy.linesInUse(line.areaCode, day);
  const open = withinValidatedWorstCase(area, line.lineCode, maxConcurrentLinesInArea);
  return {
    day,
    capacity: line.batchCapacity,
    taken,
    free: open ? Math.max(0, line.batchCapacity - taken) : 0,
  };
}

export interface SlotSearch {
  lines: readonly SlotLine[];
  occupancy: FloorOccupancy;
  window: ManufacturingWindow;
  durationDays: number;
  maxConcurrentLinesInArea: number | null;
  preferredStartOn?: string;
}

/** The first line (in code order) free on every day of a slot starting that day. */
export function freeLineFrom(search: SlotSearch, startsOn: string): SlotLine | undefined {
  return search.lines.find((line) => {
    for (let d = 0; d < search.durationDays; d += 1)
      if (
        lineDay(line, addDays(startsOn, d), search.occupancy, search.maxConcurrentLinesInArea)
          .free < 1
      )
        return false;
    return true;
  });
}

/** The preferred day if a line is free from it, else the earliest free start in the window. */
export function findSlot(search: SlotSearch): { line: SlotLine; startsOn: string } | undefined {
  const preferred = search.preferredStartOn;
  const preferredLine = preferred === undefined ? undefined : freeLineFrom(search, preferred);
  if (preferred !== undefined && preferredLine) return { line: preferredLine, startsOn: preferred };
  for (let day = search.window.from; day <= search.window.to; day = addDays(day, 1)) {
    const line = freeLineFrom(search, day);
    if (line) return { line, startsOn: day };
  }
  return undefined;
}

/** The earliest start after the window (up to 120 days) a line is free; null if none. */
export function earliestFreeStartAfter(search: SlotSearch): string | null {
  const { from, to } = search.window;
  const first = to < from ? from : addDays(to, 1);
  for (let d = 0; d < SEARCH_AFTER_WINDOW_DAYS; d += 1) {
    const day = addDays(first, d);
    if (freeLineFrom(search, day)) return day;
  }
  return null;
}

/** No line can take the batch in the window: the refusal names the earliest free day after it. */
export function noManufacturingSlot(
  search: SlotSearch,
  earliestFreeStartOn: string | null,
): DomainError {
  const { window, durationDays, maxConcurrentLinesInArea } = search;
  const limit =
    maxConcurrentLinesInArea === null
      ? ''
      : `, at most ${maxConcurrentLinesInArea} concurrent lines per area as validated (PRD-04)`;
  const earliest = earliestFreeStartOn
    ? `the earliest free start after it is ${earliestFreeStartOn}`
    : `no line is free within ${SEARCH_AFTER_WINDOW_DAYS} days after it`;
  const lines = search.lines.length
    ? search.lines.map((l) => l.lineCode).join(', ')
    : 'no eligible line';
  return new DomainError(
    'NO_MANUFACTURING_SLOT',
    `no production line (${lines}) is free for ${durationDays} days starting between ${window.from} and ${window.to}${limit}; ${earliest}`,
    { earliestFreeStartOn, window },
  );
}
