import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry/lib/workflow';
import { RunningTracing, runningTracing } from '@v2v/tracing';

/**
 * Temporal's own OpenTelemetry interceptors, installed only in a process that traces
 * (`startTracing`): the trace context travels in Temporal's headers from the client's call
 * (start, update, signal, query) into the workflow, from the workflow into each activity and
 * child, so one trace goes from the gateway's request through the journey to the owning
 * service's activity. Untraced, no interceptor is installed and no header is added. `tracing`
 * is the process's own unless a test hands one in.
 */

/** The interceptors of the process's Temporal client. */
export function tracingClientInterceptors(
  tracing: RunningTracing | undefined = runningTracing(),
): ClientInterceptors | undefined {
  if (!tracing) return undefined;
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/** The interceptors of an activity worker: each activity a span, its log lines with trace ids. */
export function tracingActivityInterceptors(
  tracing: RunningTracing | undefined = runningTracing(),
): ActivityInterceptorsFactory[] {
  if (!tracing) return [];
  return [
    (ctx) => ({
      inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
      outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
    }),
  ];
}

/**
 * The workflow side, deterministic, which goes into the workflow bundle (bundled with the
 * workflows, never loaded by the worker's Node code): spans for workflow runs, updates, signals
 * and the activities and children they start, made inside the sandbox and handed out through
 * the sink below.
 */
export const WORKFLOW_TRACING_INTERCEPTORS =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/** The sink the workflows' spans leave the sandbox by, into the process's span processor. */
export function tracingWorkflowSinks(
  tracing: RunningTracing | undefined = runningTracing(),
): InjectedSinks<OpenTelemetrySinks> | undefined {
  if (!tracing) return undefined;
  return { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) };
}
