import type { IncomingMessage } from 'node:http';
import { context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { detectResourcesSync, envDetectorSync, Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { recordRouteIn } from './server-route';
import type { RunningTracing } from './start-tracing';
import type { TracingSettings } from './tracing-switch';

/** Probes and scrapes, every few seconds on every app: traced, they would bury the requests. */
const UNTRACED_PATHS = ['/health', '/metrics'];

const untraced = (request: IncomingMessage) =>
  UNTRACED_PATHS.some((path) => (request.url ?? '').startsWith(path));

/**
 * The process's tracer provider, loaded only when tracing is on: spans batched
 * (`OTEL_BSP_*`) to the collector as OTLP/HTTP JSON, W3C trace context, the context kept across
 * `await` by AsyncLocalStorage. Incoming and outgoing HTTP and `fetch` and PostgreSQL queries are
 * traced by OpenTelemetry's instrumentations, which patch `http` and `pg` as they are loaded:
 * hence `startTracing` is the first import of every entry point. Outgoing calls and queries are
 * traced inside a trace only, so the outbox relay's polling starts none of its own.
 */
export function startTracingSdk(service: string, settings: TracingSettings): RunningTracing {
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, win over the defaults here.
  const resource = Resource.default()
    .merge(new Resource({ [ATTR_SERVICE_NAME]: service, 'service.namespace': 'vein-to-vein' }))
    .merge(detectResourcesSync({ detectors: [envDetectorSync] }));
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.tracesUrl }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: untraced,
        requireParentforOutgoingSpans: true,
      }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  return {
    service,
    spanProcessor,
    resource,
    recordServerRoute: (route) => recordRouteIn(context.active(), route),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
    },
  };
}
