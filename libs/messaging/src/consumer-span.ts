import { Span, SpanKind, trace } from '@opentelemetry/api';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { contextOfTraceparent } from '@v2v/tracing';

/** The `traceparent` header of a received message (KafkaJS hands header values as Buffers). */
export function traceparentOfHeaders(headers: IHeaders | undefined): string | undefined {
  const value = headers?.traceparent;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

const tracer = trace.getTracer('@v2v/messaging');

/**
 * The CONSUMER span of one message in one consumer group: the child of the relay's publish span
 * whose traceparent the message carries, so the event's consumers (the ledger, the bridge to the
 * journeys, each group) are in the trace of the request that wrote the event. A message without
 * one starts a trace of its own.
 */
export function startProcessSpan(
  groupId: string,
  topic: string,
  partition: number,
  message: Pick<KafkaMessage, 'headers' | 'key' | 'offset'>,
): Span {
  return tracer.startSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': groupId,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': Number(message.offset),
        ...(message.key ? { 'messaging.kafka.message.key': message.key.toString() } : {}),
      },
    },
    contextOfTraceparent(traceparentOfHeaders(message.headers)),
  );
}
