import {
  Context,
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { runningTracing } from './start-tracing';

/**
 * The trace context as the platform carries it where OpenTelemetry's own propagation does not
 * reach (an outbox row, a Kafka header, a log line). Everything here is the OpenTelemetry API,
 * which is a no-op while tracing is off: no traceparent, no fields, no spans recorded.
 */

/** The W3C `traceparent` of the active span (`00-<trace id>-<span id>-<flags>`); null if none. */
export function activeTraceparent(active: Context = context.active()): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier.traceparent ?? null;
}

/** The context a stored or received `traceparent` continues; the root context when none. */
export function contextOfTraceparent(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/**
 * What a log line carries of the active span, so the line can be found from its trace and the
 * trace from the line (pino's mixin); nothing outside a span.
 */
export function traceLogFields(active: Context = context.active()): Record<string, string> {
  const span = trace.getSpanContext(active);
  if (!span || !isSpanContextValid(span)) return {};
  return {
    trace_id: span.traceId,
    span_id: span.spanId,
    trace_flags: `0${span.traceFlags.toString(16)}`,
  };
}

/**
 * Names the active HTTP request's server span by the route pattern the router matched; called
 * once routing is done (the metrics middleware's `finish`). Nothing while tracing is off.
 */
export function recordServerRoute(route: string): void {
  runningTracing()?.recordServerRoute(route);
}

/** Runs `work` with `span` active and ends the span however `work` ends. */
export async function withSpan<T>(span: Span, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await context.with(trace.setSpan(context.active(), span), work);
  } catch (error) {
    failSpan(span, error);
    throw error;
  }
  span.end();
  return result;
}

/** Ends a span whose work failed, with the error recorded on it. */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
  span.end();
}
