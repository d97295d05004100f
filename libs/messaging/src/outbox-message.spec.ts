import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { startProcessSpan, traceparentOfHeaders } from './consumer-span';
import { OutgoingMessage } from './event-publisher.port';
import { OutboxRow, outboxMessage, publishInTraces } from './outbox-message';

const WRITER = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };
const WRITTEN_IN = `00-${WRITER.traceId}-${WRITER.spanId}-01`;

const row = (id: string, traceparent: string | null = WRITTEN_IN): OutboxRow => ({
  id,
  topic: 'donor-intake.events',
  message_key: 'DC-1',
  message_type: 'donor.screened.v1',
  envelope: { id },
  record_failures: 0,
  traceparent,
});

/** A broker that keeps what it was sent, or refuses it all. */
function broker(refuse?: Error) {
  const sent: OutgoingMessage[] = [];
  const publish = async (messages: OutgoingMessage[]) => {
    if (refuse) throw refuse;
    sent.push(...messages);
  };
  return { sent, publish };
}

describe('outbox rows as Kafka messages', () => {
  it('keys the message by aggregate and carries event id, type and traceparent as headers', () => {
    expect(outboxMessage(row('e1'), WRITTEN_IN)).toEqual({
      topic: 'donor-intake.events',
      key: 'DC-1',
      value: '{"id":"e1"}',
      headers: { 'event-id': 'e1', 'message-type': 'donor.screened.v1', traceparent: WRITTEN_IN },
    });
    expect(outboxMessage(row('e2'), null).headers).toEqual({
      'event-id': 'e2',
      'message-type': 'donor.screened.v1',
    });
  });

  it('reads the traceparent header a consumer receives, as a Buffer or a string', () => {
    expect(traceparentOfHeaders({ traceparent: Buffer.from(WRITTEN_IN) })).toBe(WRITTEN_IN);
    expect(traceparentOfHeaders({ traceparent: [WRITTEN_IN] })).toBe(WRITTEN_IN);
    expect(traceparentOfHeaders({ 'event-id': Buffer.from('e1') })).toBeUndefined();
    expect(traceparentOfHeaders(undefined)).toBeUndefined();
  });

  it('publishes with no trace header while tracing is off, whatever the row carries', async () => {
    const { sent, publish } = broker();
    await publishInTraces([row('e1'), row('e2', null)], publish);
    expect(sent.map((m) => m.headers)).toEqual([
      { 'event-id': 'e1', 'message-type': 'donor.screened.v1' },
      { 'event-id': 'e2', 'message-type': 'donor.screened.v1' },
    ]);
  });
});

describe('outbox rows published in the trace that wrote them (tracing on)', () => {
  const spans = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });

  beforeAll(() => provider.register());
  afterEach(() => spans.reset());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it("publishes each row under a PRODUCER span, child of the writer's, whose traceparent goes out", async () => {
    const { sent, publish } = broker();
    await publishInTraces([row('e1')], publish);
    const [span] = spans.getFinishedSpans();
    expect(span).toMatchObject({
      name: 'publish donor-intake.events',
      kind: SpanKind.PRODUCER,
      parentSpanId: WRITER.spanId,
      attributes: expect.objectContaining({
        'messaging.system': 'kafka',
        'messaging.message.id': 'e1',
      }),
    });
    const { traceId, spanId } = span.spanContext();
    expect(traceId).toBe(WRITER.traceId);
    expect(sent[0].headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('sends a row written untraced with neither span nor header, in the same broker call', async () => {
    const { sent, publish } = broker();
    await publishInTraces([row('e1'), row('e2', null)], publish);
    expect(spans.getFinishedSpans()).toHaveLength(1);
    expect(sent.map((m) => m.headers.traceparent)).toEqual([expect.any(String), undefined]);
  });

  it('ends the spans of a refused batch as errors and lets the refusal through', async () => {
    const { publish } = broker(new Error('message larger than the max'));
    await expect(publishInTraces([row('e1'), row('e2')], publish)).rejects.toThrow(/larger/);
    expect(spans.getFinishedSpans().map((s) => s.status.code)).toEqual([
      SpanStatusCode.ERROR,
      SpanStatusCode.ERROR,
    ]);
  });

  it("consumes a message in a CONSUMER span, child of the relay's publish span", async () => {
    const { sent, publish } = broker();
    await publishInTraces([row('e1')], publish);
    const [published] = spans.getFinishedSpans();
    const headers = { traceparent: Buffer.from(sent[0].headers.traceparent) };
    const consumed = startProcessSpan('traceability-ledger', 'donor-intake.events', 2, {
      headers,
      key: Buffer.from('DC-1'),
      offset: '41',
    });
    consumed.end();
    const [, process] = spans.getFinishedSpans();
    expect(process).toMatchObject({
      name: 'process donor-intake.events',
      kind: SpanKind.CONSUMER,
      parentSpanId: published.spanContext().spanId,
      attributes: expect.objectContaining({
        'messaging.consumer.group.name': 'traceability-ledger',
        'messaging.destination.partition.id': '2',
        'messaging.kafka.offset': 41,
      }),
    });
    expect(process.spanContext().traceId).toBe(WRITER.traceId);
  });
});
