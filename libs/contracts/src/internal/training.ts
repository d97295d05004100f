import { z } from 'zod';

/**
 * OTH-02: how a hospital clinician was assessed after training on collection and product use
 * (seed §11(4)): by a written test, a practical exercise, or observation at work.
 */
export const TRAINING_ASSESSMENT_METHODS = ['written', 'practical', 'observed'] as const;
export const TRAINING_ASSESSMENT_RESULTS = ['passed', 'failed'] as const;

/** The assessment a training record for a hospital-signed step carries (OTH-02). */
export const trainingAssessmentSchema = z.strictObject({
  method: z.enum(TRAINING_ASSESSMENT_METHODS),
  result: z.enum(TRAINING_ASSESSMENT_RESULTS),
  /** The username of the assessor: another user than the one assessed. */
  assessor: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'a username'),
  assessedOn: z.iso.date(),
});
export type TrainingAssessment = z.infer<typeof trainingAssessmentSchema>;

/**
 * TRC-04, OTH-02: the gateway's command to put a training-due notice in an institution's feed
 * (donor-intake's `POST /internal/notifications/training-due`). `sourceEventId` is derived
 * from the record and its expiry, so a repeat finds the first notice.
 */
export const trainingDueNotificationCommandSchema = z.strictObject({
  sourceEventId: z.uuid(),
  institutionId: z.string().min(1).max(64),
  trainingRecordId: z.string().regex(/^\d{1,18}$/),
  username: z.string().min(1).max(64),
  operation: z.string().min(1).max(64),
  expiresOn: z.iso.date(),
});
export type TrainingDueNotificationCommand = z.infer<typeof trainingDueNotificationCommandSchema>;
