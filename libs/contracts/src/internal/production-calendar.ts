import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { productCodeSchema } from '../journey/product-specification';
import { FACILITY_CODE_PATTERN } from '../production/facility-vocabulary';
import { plausibleInstant } from '../events/plausible-instant';

/*
 * The production calendar (PRD-04, §9(5)1–7): booking a step of a process version into a room,
 * on equipment and a line, cancelling a booking and recording a line clearance. The gateway
 * validates the bodies at the edge; production checks the scheduling rules.
 */

const facilityCode = z.string().regex(FACILITY_CODE_PATTERN, 'a facility code');
const text = (max: number) => z.string().trim().min(1).max(max);

/** A commercial batch needs a validated version (PRD-03); a validation batch validates one. */
export const BATCH_KINDS = ['commercial', 'process-validation'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export const BOOKING_STATUSES = ['booked', 'cancelled', 'completed'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const processStepBookingSchema = z
  .strictObject({
    /** The batch's donor unique code (one batch per donor, PRD-01). */
    donorCode: z.string().min(1).max(32),
    productCode: productCodeSchema,
    processVersion: z.int().positive(),
    stepId: z.string().min(1).max(48),
    batchKind: z.enum(BATCH_KINDS).default('commercial'),
    roomCode: facilityCode,
    equipmentCode: facilityCode.optional(),
    incubatorCompartment: z.int().positive().max(64).optional(),
    lineCode: facilityCode,
    /** §9(5)1: material with a positive infectious-disease marker, from the donor's record. */
    positiveMaterial: z.boolean(),
    // Bookings lie ahead: only the lower bound applies.
    startsAt: plausibleInstant({ notAfter: false }),
    endsAt: plausibleInstant({ notAfter: false }),
  })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });
export type ProcessStepBooking = z.infer<typeof processStepBookingSchema>;

export const bookProcessStepCommandSchema = z.strictObject({
  booking: processStepBookingSchema,
  /** The Idempotency-Key's event id: a repeat returns the booking made the first time. */
  eventId: z.string().min(1).max(128),
  bookedBy: actorSchema,
});
export type BookProcessStepCommand = z.infer<typeof bookProcessStepCommandSchema>;

export const bookingCancellationSchema = z.strictObject({ reason: text(2000) });
export const cancelBookingCommandSchema = bookingCancellationSchema.extend({
  cancelledBy: actorSchema,
});
export type CancelBookingCommand = z.infer<typeof cancelBookingCommandSchema>;

/** §9(5)4: the operator records the line clearance after the step, before the room's next. */
export const lineClearanceSchema = z.strictObject({
  clearedAt: plausibleInstant({ notAfter: true }).optional(),
  note: text(2000).optional(),
});
export const recordLineClearanceCommandSchema = lineClearanceSchema.extend({
  clearedBy: actorSchema,
});
export type RecordLineClearanceCommand = z.infer<typeof recordLineClearanceCommandSchema>;

/** The calendar of an area over [from, to), at most 92 days at once. */
export const calendarQuerySchema = z
  .strictObject({
    areaCode: facilityCode,
    from: plausibleInstant({ notAfter: false }),
    to: plausibleInstant({ notAfter: false }),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: 'to must be after from',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
    message: 'at most 92 days at once',
    path: ['to'],
  });
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;
