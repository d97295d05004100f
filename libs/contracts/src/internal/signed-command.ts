import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema } from '../journey/electronic-signature';

/**
 * What the gateway adds to every signed decision it sends an owning service: the decision's
 * event id (derived from the caller's Idempotency-Key, also the signature's event id), the
 * deciding user and the signature it sealed (CSV-02).
 */
export const signedCommandFields = {
  eventId: z.uuid(),
  decidedBy: actorSchema,
  signature: electronicSignatureSchema,
};
