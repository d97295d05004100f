/**
 * DDL of the trace context an outbox row carries: the W3C `traceparent` of the transaction that
 * wrote it, so the relay publishes the event in that trace. NULL while tracing is off, and for
 * rows written before.
 */
export function addOutboxTraceparentSql(schema: string): string[] {
  return [`ALTER TABLE "${schema}"."outbox" ADD COLUMN "traceparent" text`];
}

export function dropOutboxTraceparentSql(schema: string): string[] {
  return [`ALTER TABLE "${schema}"."outbox" DROP COLUMN "traceparent"`];
}
