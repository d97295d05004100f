import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { decontaminationSchema } from '../production/batch-step-payloads';

/**
 * PER-02: the production service's command for a decontamination, the gateway's body
 * (`decontaminationSchema`) with the Idempotency-Key and the recording user.
 */
export const decontaminationCommandSchema = decontaminationSchema.extend({
  eventId: z.string().min(1).max(128),
  recordedBy: actorSchema,
});
export type DecontaminationCommand = z.infer<typeof decontaminationCommandSchema>;
