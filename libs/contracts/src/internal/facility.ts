import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import {
  AREA_PURPOSES,
  CLEANROOM_GRADES,
  EQUIPMENT_CLASSES,
  FACILITY_CODE_PATTERN,
  INCUBATOR_SEPARATIONS,
  PRESSURE_REGIMES,
} from '../production/facility-vocabulary';
import { plausibleInstant } from '../events/plausible-instant';

/*
 * The facility register (§6, FAC-01, FAC-02) as a shared contract: the bodies the gateway
 * validates at the edge and the commands production's internal API accepts, each the body plus
 * the actor (and the event id) the gateway adds. Production owns the rules.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const facilityCode = z
  .string()
  .regex(FACILITY_CODE_PATTERN, 'upper-case letters, digits and hyphens, 2–32 characters');
/** CSV-01: every change of a register record says why. */
const reason = text(500).describe('why the record changes (CSV-01)');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:MM');

export const areaRegistrationSchema = z.strictObject({
  areaCode: facilityCode,
  name: text(200),
  purpose: z.enum(AREA_PURPOSES),
  airHandlingSystem: text(64).describe('§6(1)–(2): a vector or positive-material area has its own'),
  pressureRegime: z.enum(PRESSURE_REGIMES).describe('negative for a positive-material area'),
});
export type AreaRegistration = z.infer<typeof areaRegistrationSchema>;

export const areaChangeSchema = z.strictObject({
  name: text(200).optional(),
  pressureRegime: z.enum(PRESSURE_REGIMES).optional(),
  active: z.boolean().optional(),
  reason,
});
export type AreaChange = z.infer<typeof areaChangeSchema>;

export const roomRegistrationSchema = z.strictObject({
  roomCode: facilityCode,
  areaCode: facilityCode,
  name: text(200),
  grade: z.enum(CLEANROOM_GRADES),
});
export type RoomRegistration = z.infer<typeof roomRegistrationSchema>;

export const roomChangeSchema = z.strictObject({
  name: text(200).optional(),
  grade: z.enum(CLEANROOM_GRADES).optional(),
  active: z.boolean().optional(),
  reason,
});
export type RoomChange = z.infer<typeof roomChangeSchema>;

const intervalDays = z.number().int().min(1).max(366);

/**
 * Equipment; the schedule and the separation are optional in the shape because which of them
 * a class needs is the register's rule (a field error naming the class, not a malformed body).
 */
export const equipmentRegistrationSchema = z.strictObject({
  equipmentCode: facilityCode,
  roomCode: facilityCode,
  name: text(200),
  equipmentClass: z.enum(EQUIPMENT_CLASSES),
  integrityCheckIntervalDays: intervalDays
    .optional()
    .describe('FAC-01: isolators and closed systems only, and required for them'),
  incubatorSeparation: z.enum(INCUBATOR_SEPARATIONS).optional().describe('incubators only'),
  compartments: z
    .number()
    .int()
    .min(2)
    .max(64)
    .optional()
    .describe('a compartmented incubator only'),
});
export type EquipmentRegistration = z.infer<typeof equipmentRegistrationSchema>;

export const equipmentChangeSchema = z.strictObject({
  name: text(200).optional(),
  integrityCheckIntervalDays: intervalDays.optional(),
  active: z.boolean().optional().describe('false takes the equipment out of use'),
  reason,
});
export type EquipmentChange = z.infer<typeof equipmentChangeSchema>;

export const lineRegistrationSchema = z.strictObject({
  lineCode: facilityCode,
  areaCode: facilityCode,
  name: text(200),
  /** How many batches the line carries at once (manufacturing slots); one when absent. */
  batchCapacity: z.int().min(1).max(500).optional(),
});
export type LineRegistration = z.infer<typeof lineRegistrationSchema>;

export const shiftRegistrationSchema = z.strictObject({
  shiftCode: facilityCode,
  name: text(200),
  startsAt: timeOfDay,
  endsAt: timeOfDay.describe('earlier than startsAt for a shift ending the next day'),
});
export type ShiftRegistration = z.infer<typeof shiftRegistrationSchema>;

/** FAC-01: an integrity check of an isolator or closed system, as the checker records it. */
export const integrityCheckSchema = z.strictObject({
  checkedAt: plausibleInstant({ notAfter: true }),
  result: z.enum(['pass', 'fail']),
  method: text(200).describe('e.g. pressure-decay test, glove leak test'),
  note: text(2000).optional(),
});
export type IntegrityCheckRequest = z.infer<typeof integrityCheckSchema>;

const by = { by: actorSchema };
export const registerAreaCommandSchema = areaRegistrationSchema.extend(by);
export type RegisterAreaCommand = z.infer<typeof registerAreaCommandSchema>;
export const changeAreaCommandSchema = areaChangeSchema.extend(by);
export type ChangeAreaCommand = z.infer<typeof changeAreaCommandSchema>;
export const registerRoomCommandSchema = roomRegistrationSchema.extend(by);
export type RegisterRoomCommand = z.infer<typeof registerRoomCommandSchema>;
export const changeRoomCommandSchema = roomChangeSchema.extend(by);
export type ChangeRoomCommand = z.infer<typeof changeRoomCommandSchema>;
export const registerEquipmentCommandSchema = equipmentRegistrationSchema.extend(by);
export type RegisterEquipmentCommand = z.infer<typeof registerEquipmentCommandSchema>;
export const changeEquipmentCommandSchema = equipmentChangeSchema.extend(by);
export type ChangeEquipmentCommand = z.infer<typeof changeEquipmentCommandSchema>;
export const registerLineCommandSchema = lineRegistrationSchema.extend(by);
export type RegisterLineCommand = z.infer<typeof registerLineCommandSchema>;
export const registerShiftCommandSchema = shiftRegistrationSchema.extend(by);
export type RegisterShiftCommand = z.infer<typeof registerShiftCommandSchema>;

export const recordIntegrityCheckCommandSchema = integrityCheckSchema.extend({
  /** The check's idempotency key, from the caller's Idempotency-Key. */
  eventId: z.string().min(1).max(128),
  checkedBy: actorSchema,
});
export type RecordIntegrityCheckCommand = z.infer<typeof recordIntegrityCheckCommandSchema>;
