import { context, propagation, trace } from '@opentelemetry/api';
import { Resource } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { tracingClientInterceptors } from '@v2v/temporal';
import { RunningTracing, withSpan } from '@v2v/tracing';
import { pollUntil } from '@v2v/testing';
import { bundleJourneyWorkflows } from '../src/worker/workflow-bundle';
import { timeSkippingEnvironment } from './support/environments';
import { payloadFor, sendStep, startJourney } from './support/journey-driver';
import { MockServices, startWorkers } from './support/mock-services';

/**
 * While tracing is on, one trace goes from the request that takes a step (the gateway's span
 * here) through the Temporal update into the journey and on to the owning service's activity:
 * the client, the journey worker's workflows and the activity workers wired as
 * `@v2v/temporal` wires them in a process that traces, their spans kept in memory.
 */
const spans = new InMemorySpanExporter();
const spanProcessor = new SimpleSpanProcessor(spans);
const provider = new NodeTracerProvider({ spanProcessors: [spanProcessor] });
const tracing: RunningTracing = {
  service: 'workflow-tests',
  spanProcessor,
  resource: new Resource({ 'service.name': 'workflow-tests' }),
  recordServerRoute: () => undefined,
  shutdown: async () => undefined,
};

let env: TestWorkflowEnvironment;
let client: Client;
let stopWorkers: (() => Promise<void>) | undefined;

beforeAll(async () => {
  provider.register();
  env = await timeSkippingEnvironment();
  client = new Client({
    connection: env.connection,
    namespace: env.namespace ?? 'default',
    interceptors: tracingClientInterceptors(tracing),
  });
  stopWorkers = await startWorkers(
    env.nativeConnection,
    env.namespace ?? 'default',
    await bundleJourneyWorkflows({ traced: true }),
    new MockServices(),
    tracing,
  );
});

afterAll(async () => {
  await stopWorkers?.();
  await env?.teardown();
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});

const named = (finished: ReadableSpan[], pattern: RegExp) =>
  finished.filter((s) => pattern.test(s.name));

describe('traces through Temporal', () => {
  it('carries the trace of the request that takes a step into the update, the journey and the activity', async () => {
    const handle = await startJourney(client);
    const donorCode = handle.workflowId.slice('journey-'.length);
    const request = provider
      .getTracer('gateway')
      .startSpan('POST /api/journeys/:donorCode/record-donor-screening');
    await withSpan(request, () =>
      sendStep(handle, 'recordDonorScreening', payloadFor('recordDonorScreening', donorCode)),
    );
    const { traceId, spanId } = request.spanContext();

    // The workflow's spans leave its sandbox through the sink once its task completes.
    const finished = await pollUntil('the activity span of the step', async () => {
      const inTrace = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      return named(inTrace, /^RunActivity:recordDonorScreening$/).length > 0 ? inTrace : undefined;
    });
    const [update] = named(finished, /^StartWorkflowUpdate:/);
    const [handled] = named(finished, /^HandleUpdate:/);
    const [scheduled] = named(finished, /^StartActivity:recordDonorScreening$/);
    const [ran] = named(finished, /^RunActivity:recordDonorScreening$/);
    expect(update.parentSpanId).toBe(spanId);
    expect(handled.parentSpanId).toBe(update.spanContext().spanId);
    expect(scheduled.parentSpanId).toBe(handled.spanContext().spanId);
    expect(ran.parentSpanId).toBe(scheduled.spanContext().spanId);
    expect(ran.attributes).toMatchObject({ temporalWorkflowId: handle.workflowId });
    // The journey's own run began in the trace of its start, not in the step's.
    expect(named(finished, /^RunWorkflow:/)).toEqual([]);
  });
});
