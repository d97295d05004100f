/**
 * What the production manager's booking of a batch step offers before sending (PRD-04): the
 * rooms, equipment and lines of the facility register the step can run on. The production
 * service stays the authority: it refuses with FAC-01, FAC-02, PRD-03 or PRD-04 and the rule's
 * sentence, which the form shows.
 */
import type { BatchRecordView, ProcessStep } from '@v2v/contracts';
import { localInputValue } from '../../format';
import {
  bookingsOf,
  type CalendarBooking,
  type RegisterArea,
  type RegisterEquipment,
  type RegisterLine,
  type RegisterRoom,
} from '../batch/batch-record';

/** A room a step can be booked in, with its equipment of the step's class and its lines. */
export interface BookingPlace {
  room: RegisterRoom;
  equipment: RegisterEquipment[];
  lines: RegisterLine[];
}

/** Equipment a booking may name now: FAC-01 current, or not on an integrity schedule. */
export const usableEquipment = (e: RegisterEquipment) =>
  e.integrityCheck.status === 'current' || e.integrityCheck.status === 'not-scheduled';

/**
 * The places of the step: active rooms of the areas the material belongs in (§9(5)1: positive
 * material only in its dedicated area, other material in a cell-product area) that hold
 * active equipment of the step's class (general work needs none), with the area's active lines
 * the process runs on, in the process's order (every active line when it names none).
 */
export function bookingPlaces(
  areas: RegisterArea[],
  step: Pick<ProcessStep, 'equipmentClass'>,
  positiveMaterial: boolean,
  lineCodes?: string[],
): BookingPlace[] {
  const purpose = positiveMaterial ? 'positive-material' : 'cell-product';
  return areas
    .filter((area) => area.active && area.purpose === purpose)
    .flatMap((area) => {
      const lines = area.lines.filter(
        (l) => l.active && (!lineCodes || lineCodes.includes(l.lineCode)),
      );
      if (lineCodes)
        lines.sort((a, b) => lineCodes.indexOf(a.lineCode) - lineCodes.indexOf(b.lineCode));
      return area.rooms
        .filter((room) => room.active)
        .map((room) => ({
          room,
          equipment:
            step.equipmentClass === 'general'
              ? []
              : room.equipment.filter((e) => e.active && e.equipmentClass === step.equipmentClass),
          lines,
        }))
        .filter((place) => step.equipmentClass === 'general' || place.equipment.length > 0);
    });
}

/** §9(5)6: an open-system culture on a compartmented incubator needs a compartment. */
export const needsCompartment = (
  step: Pick<ProcessStep, 'operationType' | 'cellCulture'>,
  equipment: RegisterEquipment | undefined,
) =>
  step.operationType === 'open' &&
  step.cellCulture &&
  equipment?.incubatorSeparation === 'compartmented';

/** The booking's end for its start (a `datetime-local` value): the step's planned hours on. */
export function plannedEnd(startsAt: string, plannedDurationHours: number): string {
  return localInputValue(new Date(new Date(startsAt).getTime() + plannedDurationHours * 3_600_000));
}

/**
 * The step the production manager books next: the first step of the batch not yet taken that
 * has no booking still to be worked. Steps are booked ahead of the floor, one after another.
 */
export function stepToBook(
  view: BatchRecordView,
  bookings: CalendarBooking[],
): BatchRecordView['steps'][number] | undefined {
  if (view.completed || view.rejectedAt) return undefined;
  return view.steps.find(
    (s) => s.status === 'pending' && bookingsOf(bookings, view.donorCode, s.stepId).length === 0,
  );
}
