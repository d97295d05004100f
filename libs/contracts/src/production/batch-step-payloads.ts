import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';

/*
 * What an operator sends to start or complete a step of the electronic batch record, and a
 * person's decontamination (PRD-01..08, PER-02): the schemas the gateway validates. Kept apart
 * from the batch record's workflow contract (batch-record.ts), which the workflow bundle loads
 * into every workflow and which therefore carries no schema.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = plausibleInstant({ notAfter: true });
const userId = z.string().trim().min(1).max(100);

/**
 * An operator starts a step on a booking of the production calendar (room, equipment, line and
 * time were checked at booking and are checked again now), on a line and shift with a current
 * media fill. `coOperators` are the other people working the step (PER-02 applies to each).
 * `transferArrival` closes the in-process transfer out of the previous step, if it had one.
 */
export const batchStepStartSchema = z.strictObject({
  bookingId: z.uuid(),
  shiftCode: text(32),
  startedAt: instant,
  coOperators: z.array(userId).max(6).default([]),
  transferArrival: z
    .strictObject({
      arrivedAt: instant,
      minObservedTemperatureC: z.number().min(-200).max(80),
      maxObservedTemperatureC: z.number().min(-200).max(80),
    })
    .optional(),
});
export type BatchStepStart = z.infer<typeof batchStepStartSchema>;

/**
 * What the step did: every parameter of the definition (PRD-01), every consumable by its lot
 * (PRD-08, MAT-01), every container's inspection before use and after filling (PRD-07), the
 * confirmation scan of every label the system printed for the step (PRD-06), positive waste's
 * inactivation (PRD-08) and, for a step with a transfer out, when the material left.
 */
export const batchStepCompletionSchema = z.strictObject({
  endedAt: instant,
  parameters: z
    .array(z.strictObject({ parameterId: text(48), value: z.number().finite() }))
    .max(50),
  consumables: z
    .array(
      z.strictObject({
        materialCode: text(32),
        lotId: text(64),
        quantity: z.number().positive().finite(),
        unit: text(16),
      }),
    )
    .max(50),
  containerInspections: z
    .array(
      z.strictObject({
        container: text(100),
        phase: z.enum(['before-use', 'after-filling']),
        intact: z.boolean(),
        note: text(1000).optional(),
      }),
    )
    .max(40),
  labelConfirmations: z.array(z.strictObject({ labelId: text(64), scan: text(200) })).max(20),
  wasteInactivation: z.strictObject({ method: text(200), completedAt: instant }).optional(),
  transferDepartedAt: instant.optional(),
});
export type BatchStepCompletion = z.infer<typeof batchStepCompletionSchema>;

/** A person's decontamination on leaving a vector or positive-material area (PER-02). */
export const decontaminationSchema = z.strictObject({
  person: userId,
  areaCode: text(32),
  decontaminatedAt: instant,
  method: text(200),
});
export type Decontamination = z.infer<typeof decontaminationSchema>;
