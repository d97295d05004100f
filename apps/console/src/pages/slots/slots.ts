/**
 * The scheduler's manufacturing slots (issue 11) as the console reads them: the shapes the
 * gateway answers, as libs/contracts declares them (type-only: nothing of it is bundled; its
 * OpenAPI document declares no response schema), and the calendar arithmetic of the screens.
 */
import type {
  LineCapacity,
  LineDayCapacity,
  ManufacturingCapacity,
  ManufacturingSlot,
} from '@v2v/contracts';
import type { Refusal } from '../../api/refusal';

export type { LineCapacity, LineDayCapacity, ManufacturingCapacity, ManufacturingSlot };

/** The calendar pages by two weeks. */
export const CALENDAR_DAYS = 14;

/** A calendar day `days` after an ISO date (negative: before); no time zone is involved. */
export function addDays(isoDate: string, days: number): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Today's date where the user is (the browser's zone), as the API's ISO date. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The last planned manufacturing day: the slot's end is exclusive. */
export const lastManufacturingDay = (slot: Pick<ManufacturingSlot, 'endsOn'>) =>
  addDays(slot.endsOn, -1);

/**
 * A line on a day: places free; full (every place taken); or closed at the area's validated
 * number of concurrent lines (PRD-04, §9(5)7): places left on the line, but none to take.
 */
export type DayState = 'free' | 'full' | 'area-limit';

export function dayState(cell: LineDayCapacity): DayState {
  if (cell.free > 0) return 'free';
  return cell.taken < cell.capacity ? 'area-limit' : 'full';
}

/** Which slot replaced each one (a rebooking names the slot it replaced). */
export function replacedBy(slots: ManufacturingSlot[]): Map<string, string> {
  const by = new Map<string, string>();
  for (const slot of slots) if (slot.replacesSlotId) by.set(slot.replacesSlotId, slot.slotId);
  return by;
}

/** The journey's booked slot, if any (a journey holds at most one). */
export const bookedSlot = (slots: ManufacturingSlot[]) => slots.find((s) => s.status === 'booked');

/**
 * The earliest free first day a `NO_MANUFACTURING_SLOT` refusal names (in its details), for
 * the scheduler to book again with one click; none for another refusal or when no line is
 * free at all after the window.
 */
export function earliestFreeStartOn(refusal: Refusal | undefined): string | undefined {
  if (refusal?.code !== 'NO_MANUFACTURING_SLOT') return undefined;
  const day = refusal.details?.earliestFreeStartOn;
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/** Manufacturing starts the day after the collection at the earliest. */
export const startsAfterCollection = (collectionDate: string, preferredDay: string) =>
  preferredDay > collectionDate;
