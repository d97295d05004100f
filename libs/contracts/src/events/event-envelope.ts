import { z } from 'zod';
import { plausibleInstant } from './plausible-instant';

/**
 * The one envelope every event travels in (outbox row, Kafka message, inbox row).
 * `id` is the idempotency key consumers dedupe on.
 */
export const eventEnvelopeSchema = z.strictObject({
  id: z.uuid(),
  aggregateType: z.string().min(1),
  /** For custody events: the donor unique code (also the Kafka message key). */
  aggregateId: z.string().min(1),
  /** Versioned message type, e.g. `donor-material.collected.v1`. */
  messageType: z.string().regex(/^[a-z-]+(\.[a-z-]+)*\.v[0-9]+$/),
  /** Set by the producer's clock: an impossible instant sets the event aside at its consumer. */
  occurredAt: plausibleInstant(),
  payload: z.record(z.string(), z.unknown()),
  metadata: z.strictObject({
    producer: z.string().min(1),
    /** The step's event id or the request that caused this event. */
    causationId: z.string().optional(),
    journeyId: z.string().optional(),
  }),
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;
