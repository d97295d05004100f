import { z } from 'zod';
import {
  custodyEventPayloadSchema,
  donorRegisteredPayloadSchema,
  EventEnvelope,
  formatDonorCode,
  parseDonorCode,
} from '@v2v/contracts';

/** A donor unique code (TRC-02) in its canonical machine form; a zod issue otherwise. */
const canonicalDonorCode = z.string().transform((raw, ctx) => {
  try {
    return formatDonorCode(parseDonorCode(raw));
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const custodyEventSchema = z
  .object({
    aggregateId: canonicalDonorCode,
    payload: custodyEventPayloadSchema.extend({ donorCode: canonicalDonorCode }),
  })
  .refine((e) => e.aggregateId === e.payload.donorCode, {
    message: 'the payload names another donor code than the event key',
    path: ['payload', 'donorCode'],
  });

/**
 * Validates a consumed envelope as a custody event and names its chain: the canonical donor code.
 * Throws a ZodError otherwise, which the inbox consumer keeps aside as a rejected message
 * (an event that is not about one donor's material has no chain to go on).
 */
export function custodyChainOf(envelope: EventEnvelope): string {
  return custodyEventSchema.parse(envelope).aggregateId;
}

/**
 * The donor–patient link a `donor.registered.v1` event carries (TRC-01); ZodError if incomplete.
 */
export function donorPatientLinkOf(envelope: EventEnvelope) {
  const { detail } = donorRegisteredPayloadSchema.parse(envelope.payload);
  return {
    patientReference: detail.patientReference,
    institutionId: detail.institutionId,
    productCode: detail.productCode,
  };
}
