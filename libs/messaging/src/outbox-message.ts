import { ROOT_CONTEXT, Span, SpanKind, trace } from '@opentelemetry/api';
import { activeTraceparent, contextOfTraceparent, failSpan } from '@v2v/tracing';
import { OutgoingMessage } from './event-publisher.port';

/** An outbox row as the relay claims it. */
export interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  message_type: string;
  envelope: unknown;
  record_failures: number;
  /** The W3C traceparent of the transaction that wrote the row; null when it ran untraced. */
  traceparent: string | null;
}

/**
 * The Kafka message of an outbox row: keyed by the aggregate (a donor's journey) so a key's
 * events stay in order, the envelope as its value, the event id and type as headers for
 * consumers that route before parsing, and the `traceparent` the consumer continues, if any.
 */
export function outboxMessage(row: OutboxRow, traceparent?: string | null): OutgoingMessage {
  return {
    topic: row.topic,
    key: row.message_key,
    value: JSON.stringify(row.envelope),
    headers: {
      'event-id': row.id,
      'message-type': row.message_type,
      ...(traceparent ? { traceparent } : {}),
    },
  };
}

const tracer = trace.getTracer('@v2v/messaging');

/**
 * Publishes outbox rows, each in the trace of the transaction that wrote it: a PRODUCER span per
 * row, the child of that transaction's span, whose traceparent goes out as the message's header.
 * A row written untraced goes out with neither span nor header; while tracing is off there are
 * no spans and no headers at all. The broker call is one for the whole batch, as before.
 */
export async function publishInTraces(
  rows: OutboxRow[],
  publish: (messages: OutgoingMessage[]) => Promise<void>,
): Promise<void> {
  const spans = rows.map(publishSpanOf);
  const messages = rows.map((row, i) => outboxMessage(row, traceparentOf(spans[i])));
  try {
    await publish(messages);
  } catch (error) {
    for (const span of spans) if (span) failSpan(span, error);
    throw error;
  }
  for (const span of spans) span?.end();
}

function publishSpanOf(row: OutboxRow): Span | undefined {
  if (!row.traceparent) return undefined;
  return tracer.startSpan(
    `publish ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'publish',
        'messaging.destination.name': row.topic,
        'messaging.message.id': row.id,
        'messaging.kafka.message.key': row.message_key,
      },
    },
    contextOfTraceparent(row.traceparent),
  );
}

const traceparentOf = (span: Span | undefined) =>
  span && activeTraceparent(trace.setSpan(ROOT_CONTEXT, span));
