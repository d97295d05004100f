/**
 * What the batch record screen works out before sending; the production service stays the
 * authority and records the deviation or refuses with the rule ID.
 */
import type { BatchRecordView, ProcessStep } from '@v2v/contracts';

/** A booking of the production calendar as the gateway answers it (production's RoomBooking). */
export interface CalendarBooking {
  bookingId: string;
  donorCode: string;
  stepId: string;
  roomCode: string;
  equipmentCode: string | null;
  incubatorCompartment: number | null;
  lineCode: string | null;
  startsAt: string;
  endsAt: string;
  status: 'booked' | 'cancelled' | 'completed';
  /** When the step on it ended (the batch record); the booking stays `booked`. */
  completedAt: string | null;
  lineClearanceAt: string | null;
}

export interface Shift {
  shiftCode: string;
  name: string;
  startsAt: string;
  endsAt: string;
  active: boolean;
}

/** FAC-01 standing of a piece of equipment as the register answers it. */
export type IntegrityCheckStatus =
  'not-scheduled' | 'current' | 'overdue' | 'never-checked' | 'failed';

export interface RegisterEquipment {
  equipmentCode: string;
  name: string;
  equipmentClass: ProcessStep['equipmentClass'];
  incubatorSeparation: 'shared' | 'compartmented' | null;
  compartments: number | null;
  active: boolean;
  integrityCheck: { status: IntegrityCheckStatus; dueAt: string | null };
}

export interface RegisterRoom {
  roomCode: string;
  name: string;
  grade: ProcessStep['grade'];
  active: boolean;
  equipment: RegisterEquipment[];
}

export interface RegisterLine {
  lineCode: string;
  name: string;
  active: boolean;
}

export interface RegisterArea {
  areaCode: string;
  name: string;
  purpose: 'cell-product' | 'vector' | 'positive-material';
  active: boolean;
  rooms: RegisterRoom[];
  lines: RegisterLine[];
}

/** The facility register (GET /api/facility): areas with their rooms, equipment and lines. */
export interface FacilityRegister {
  areas: RegisterArea[];
  shifts: Shift[];
}

type Parameter = ProcessStep['parameters'][number];

/** PRD-01: a value outside the definition's range is recorded as a deviation. */
export function outOfRange(parameter: Parameter, value: number | null | undefined): boolean {
  return typeof value === 'number' && (value < parameter.min || value > parameter.max);
}

/** The step to work on: the one in progress, else the first not completed. */
export function currentStep(view: BatchRecordView): BatchRecordView['steps'][number] | undefined {
  return (
    view.steps.find((s) => s.status === 'in-progress') ??
    view.steps.find((s) => s.status === 'pending')
  );
}

/** The step's bookings for this batch not yet worked or cancelled, earliest first. */
export function bookingsOf(
  bookings: CalendarBooking[],
  donorCode: string,
  stepId: string,
): CalendarBooking[] {
  return bookings
    .filter(
      (b) =>
        b.donorCode === donorCode && b.stepId === stepId && b.status === 'booked' && !b.completedAt,
    )
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/**
 * §9(5)4: the bookings of this batch whose step has ended and whose room has no line clearance
 * yet; the room's next booking is refused (PRD-04) until it is recorded.
 */
export function awaitingLineClearance(
  bookings: CalendarBooking[],
  donorCode: string,
): CalendarBooking[] {
  return bookings.filter((b) => b.donorCode === donorCode && b.completedAt && !b.lineClearanceAt);
}

const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The active shift whose hours contain `at`: the register's times of day are UTC, and a
 * shift ending at or before its start ends the next day (production's requireWithinShift).
 */
export function shiftContaining(shifts: Shift[], at: Date): Shift | undefined {
  const now = at.getUTCHours() * 60 + at.getUTCMinutes();
  return shifts.find((shift) => {
    if (!shift.active) return false;
    const from = minuteOfDay(shift.startsAt);
    const to = minuteOfDay(shift.endsAt);
    return to > from ? now >= from && now < to : now >= from || now < to;
  });
}
