import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  activeTraceparent,
  contextOfTraceparent,
  failSpan,
  traceLogFields,
  withSpan,
} from './trace-context';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace context while tracing is off (no SDK registered)', () => {
  it('has no traceparent to store, no fields to log and no parent to continue', async () => {
    const tracer = trace.getTracer('test');
    await withSpan(tracer.startSpan('work'), async () => {
      expect(activeTraceparent()).toBeNull();
      expect(traceLogFields()).toEqual({});
    });
    expect(trace.getSpanContext(contextOfTraceparent(TRACEPARENT))).toBeUndefined();
  });
});

describe('trace context while tracing is on', () => {
  const spans = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const tracer = provider.getTracer('test');

  beforeAll(() => provider.register());
  afterEach(() => spans.reset());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('gives the active span as a W3C traceparent, and null outside any span', async () => {
    expect(activeTraceparent()).toBeNull();
    await withSpan(tracer.startSpan('transaction'), async () => {
      const { traceId, spanId } = trace.getActiveSpan()!.spanContext();
      expect(activeTraceparent()).toBe(`00-${traceId}-${spanId}-01`);
    });
  });

  it('continues a stored traceparent as the remote parent of the next span', () => {
    const parent = trace.getSpanContext(contextOfTraceparent(TRACEPARENT));
    expect(parent).toMatchObject({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      isRemote: true,
    });
    const child = tracer.startSpan('publish', {}, contextOfTraceparent(TRACEPARENT));
    child.end();
    expect(spans.getFinishedSpans()[0]).toMatchObject({
      parentSpanId: 'b7ad6b7169203331',
      spanContext: expect.any(Function),
    });
    expect(child.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('continues nothing from a missing or malformed traceparent', () => {
    expect(contextOfTraceparent(null)).toBe(ROOT_CONTEXT);
    expect(contextOfTraceparent(undefined)).toBe(ROOT_CONTEXT);
    expect(trace.getSpanContext(contextOfTraceparent('not-a-traceparent'))).toBeUndefined();
  });

  it('puts the trace and span ids of the active span on log lines', async () => {
    expect(traceLogFields()).toEqual({});
    await withSpan(tracer.startSpan('request'), async () => {
      const { traceId, spanId } = trace.getActiveSpan()!.spanContext();
      expect(traceLogFields()).toEqual({ trace_id: traceId, span_id: spanId, trace_flags: '01' });
    });
  });

  it('ends the span after its work, and records the error of work that fails', async () => {
    await expect(withSpan(tracer.startSpan('ok'), async () => 42)).resolves.toBe(42);
    await expect(
      withSpan(tracer.startSpan('refused'), async () => {
        throw new Error('broker away');
      }),
    ).rejects.toThrow('broker away');
    const [ok, refused] = spans.getFinishedSpans();
    expect(ok.status.code).toBe(SpanStatusCode.UNSET);
    expect(refused.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Error: broker away' });
    expect(refused.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('fails a span that is not active with the error recorded', () => {
    failSpan(tracer.startSpan('publish'), 'refused by the broker');
    const [failed] = spans.getFinishedSpans();
    expect(failed.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed.ended).toBe(true);
  });
});
