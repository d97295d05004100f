import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Resource } from '@opentelemetry/resources';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { Context } from '@temporalio/activity';
import type { RunningTracing } from '@v2v/tracing';
import {
  tracingActivityInterceptors,
  tracingClientInterceptors,
  tracingWorkflowSinks,
  WORKFLOW_TRACING_INTERCEPTORS,
} from './temporal-tracing';

describe('Temporal tracing interceptors', () => {
  it('installs none while tracing is off (the process started none): no span, no header', () => {
    expect(tracingClientInterceptors()).toBeUndefined();
    expect(tracingActivityInterceptors()).toEqual([]);
    expect(tracingWorkflowSinks()).toBeUndefined();
  });

  it("installs Temporal's OpenTelemetry interceptors and the workflow span sink while it traces", () => {
    const spanProcessor = new SimpleSpanProcessor(new InMemorySpanExporter());
    const tracing: RunningTracing = {
      service: 'journey-worker',
      spanProcessor,
      resource: new Resource({ 'service.name': 'journey-worker' }),
      recordServerRoute: () => undefined,
      shutdown: async () => undefined,
    };
    expect(tracingClientInterceptors(tracing)?.workflow).toEqual([
      expect.any(OpenTelemetryWorkflowClientInterceptor),
    ]);
    const [activity] = tracingActivityInterceptors(tracing);
    const ctx = { info: { activityType: 'recordDonorScreening' } } as unknown as Context;
    expect(activity(ctx)).toEqual({
      inbound: expect.any(OpenTelemetryActivityInboundInterceptor),
      outbound: expect.any(OpenTelemetryActivityOutboundInterceptor),
    });
    expect(tracingWorkflowSinks(tracing)?.exporter.export.fn).toEqual(expect.any(Function));
  });

  it("names the workflow interceptors' module for the bundle", () => {
    expect(WORKFLOW_TRACING_INTERCEPTORS).toMatch(
      /@temporalio\/interceptors-opentelemetry\/lib\/workflow-interceptors\.js$/,
    );
  });
});
