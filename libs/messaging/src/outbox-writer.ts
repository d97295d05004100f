import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope, eventEnvelopeSchema } from '@v2v/contracts';
import { activeTraceparent } from '@v2v/tracing';

export interface NewEvent {
  topic: string;
  aggregateType: string;
  aggregateId: string;
  messageType: string;
  payload: Record<string, unknown>;
  producer: string;
  causationId?: string;
  journeyId?: string;
  /** Deterministic id when the caller needs a retried write to produce the same event. */
  id?: string;
  occurredAt?: Date;
}

/**
 * Writes an event to the service's outbox inside the caller's transaction, so the event
 * exists exactly when the state change it describes does. Only the relay talks to Kafka. The
 * row keeps the traceparent of the span it was written in (the activity, the request, the
 * consumed message), which the relay publishes the event in; null while tracing is off.
 */
export async function appendToOutbox(
  manager: EntityManager,
  event: NewEvent,
  /** The schema whose outbox to write; the data source's own schema by default. */
  schema = (manager.connection.options as { schema?: string }).schema ?? 'public',
): Promise<EventEnvelope> {
  const envelope = eventEnvelopeSchema.parse({
    id: event.id ?? randomUUID(),
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    messageType: event.messageType,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    payload: event.payload,
    metadata: {
      producer: event.producer,
      ...(event.causationId ? { causationId: event.causationId } : {}),
      ...(event.journeyId ? { journeyId: event.journeyId } : {}),
    },
  });
  await manager.query(
    `INSERT INTO "${schema}"."outbox"
            ("id", "topic", "message_key", "message_type", "envelope", "traceparent")
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      envelope.id,
      event.topic,
      envelope.aggregateId,
      envelope.messageType,
      envelope,
      activeTraceparent(),
    ],
  );
  return envelope;
}
