import type {
  BatchKind,
  BookingStatus,
  EquipmentClass,
  OperationType,
  ProcessStep,
  ValidatedWorstCase,
} from '@v2v/contracts';
import type { Equipment, ProductionLine, Room } from '../facility/facility';
import type { ValidationStanding } from '../processes/process-rules';

/** A step to be placed on the calendar: where, when, and what the definition says of it. */
export interface BookingCandidate {
  /** Set when an existing booking is checked again (at its start), so it does not meet itself. */
  bookingId?: string;
  donorCode: string;
  productCode: string;
  processVersion: number;
  stepId: string;
  roomCode: string;
  areaCode: string;
  equipmentCode: string | null;
  equipmentClass: EquipmentClass | null;
  incubatorCompartment: number | null;
  lineCode: string | null;
  operationType: OperationType;
  cellCulture: boolean;
  positiveMaterial: boolean;
  startsAt: Date;
  endsAt: Date;
}

/** A booking on the calendar (production.room_booking). */
export interface RoomBooking extends BookingCandidate {
  bookingId: string;
  batchKind: BatchKind;
  validationStanding: ValidationStanding;
  status: BookingStatus;
  /** When the step actually ended (the batch record): the room is free from then on. */
  completedAt: Date | null;
  lineClearanceAt: Date | null;
  lineClearanceBy: string | null;
  lineClearanceNote: string | null;
  cancelledAt: Date | null;
  cancelledBy: string | null;
  cancellationReason: string | null;
  bookedBy: string;
  bookedAt: Date;
  eventId: string;
}

/**
 * What the calendar's rules need from the candidate's bookings; a booking occupies
 * [startsAt, completedAt ?? endsAt).
 */
export type CalendarEntry = BookingCandidate &
  Pick<RoomBooking, 'bookingId' | 'status' | 'lineClearanceAt'> &
  Partial<Pick<RoomBooking, 'completedAt'>>;

/** The facts a booking is checked against, besides the calendar. */
export interface BookingFacts {
  room: Room;
  equipment?: Equipment;
  line?: ProductionLine;
  step: ProcessStep;
  /** The validated worst case of the candidate's process version (§9(3)2), when it has one. */
  worstCase: ValidatedWorstCase | null;
  /** Line clearance is required of bookings that have ended by now. */
  now: Date;
}

/** One broken rule of §9(5): the item of the seed and what is wrong. */
export interface SchedulingViolation {
  item: 1 | 2 | 4 | 6 | 7;
  message: string;
}
