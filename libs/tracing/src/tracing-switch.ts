/** Where a process that traces sends its spans. */
export interface TracingSettings {
  /** The collector's OTLP/HTTP traces URL (`…/v1/traces`), spans sent as JSON. */
  tracesUrl: string;
}

/**
 * Whether this process traces, read from the standard OpenTelemetry variables only, so an
 * operator who knows OpenTelemetry needs nothing of ours: tracing is on exactly when an OTLP
 * endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT`, or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` for
 * traces alone), unless `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` turns it off
 * again. Off, no SDK is loaded. A setting this platform cannot honour (another exporter or
 * protocol, an endpoint that is no http(s) URL) stops the process at boot rather than leaving it
 * silently untraced.
 */
export function tracingSettings(env: NodeJS.ProcessEnv): TracingSettings | undefined {
  if (setting(env.OTEL_SDK_DISABLED)?.toLowerCase() === 'true') return undefined;
  const exporter = setting(env.OTEL_TRACES_EXPORTER)?.toLowerCase();
  if (exporter === 'none') return undefined;
  const tracesUrl = tracesUrlOf(env);
  if (tracesUrl === undefined) return undefined;
  if (exporter !== undefined && exporter !== 'otlp')
    throw new Error(`OTEL_TRACES_EXPORTER: only otlp (or none) is supported, not '${exporter}'`);
  const protocol = setting(
    env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL,
  );
  if (protocol !== undefined && protocol !== 'http/json')
    throw new Error(
      `OTEL_EXPORTER_OTLP_PROTOCOL: spans are sent as http/json (the collector's port 4318), not '${protocol}'`,
    );
  if (!/^https?:\/\/[^/]/.test(tracesUrl) || !URL.canParse(tracesUrl))
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT: an http(s) URL, not '${tracesUrl}'`);
  return { tracesUrl };
}

/**
 * As the OpenTelemetry specification has it: the traces endpoint is used as given; the general
 * endpoint is a base URL to which the signal's path `v1/traces` is appended.
 */
function tracesUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const traces = setting(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  if (traces !== undefined) return traces;
  const base = setting(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/v1/traces`;
}

/** A variable set to blanks counts as unset, as a compose file's `VAR=` leaves it. */
function setting(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
