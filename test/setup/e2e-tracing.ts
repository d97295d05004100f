/** Where the e2e tier's specs find the OTLP sink the platform exports to. */
export const E2E_OTLP_SINK_URL = 'E2E_OTLP_SINK_URL';

/**
 * The platform's environment for the e2e tier: tracing on toward the tier's sink, but only the
 * traces a test asks for are recorded. A request that carries a sampled W3C `traceparent` is
 * traced through every process (the sampler follows its parent); everything else starts an
 * unsampled root (`OTEL_TRACES_SAMPLER_ARG=0`), which is recorded nowhere and exported never, so
 * the rest of the tier runs as it would untraced. Spans leave within 200 ms of ending.
 */
export function e2eTracingEnv(sinkUrl: string): NodeJS.ProcessEnv {
  return {
    OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: '0',
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
}
