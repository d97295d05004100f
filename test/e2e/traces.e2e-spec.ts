import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { happyPathSteps, pollUntil, scriptedStep, stepRoute } from '@v2v/testing';
import { E2E_OTLP_SINK_URL } from '../setup/e2e-tracing';
import type { ReceivedSpan } from '../setup/otlp-sink';
import { api, newOrder } from './support/journeys';

/**
 * Issue 15: with tracing on, one trace goes from the HTTP request that takes a step through the
 * gateway, the Temporal update, the journey's activity, the owning service's transaction and
 * outbox, the relay and Kafka to the ledger's append of the custody event; the gateway's log
 * line of the request carries its trace id. The tier's platform exports to the sink of
 * test/setup (e2eTracingEnv), recording the traces a request asks for with a sampled
 * `traceparent`, as a caller that traces sends it.
 */
const LOG = path.resolve(__dirname, '../../.data/logs/e2e-platform.log');
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;
/** The traceability service's ledger consumer group (apps/traceability). */
const LEDGER_GROUP = 'traceability-ledger';

async function spansOfTrace(traceId: string): Promise<ReceivedSpan[]> {
  const res = await fetch(`${process.env[E2E_OTLP_SINK_URL]}/traces/${traceId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ReceivedSpan[];
}

/** The span and its ancestors in the trace, nearest first. */
function ancestry(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain = [span];
  for (let s = byId.get(span.parentSpanId ?? ''); s; s = byId.get(s.parentSpanId ?? ''))
    chain.push(s);
  return chain;
}

describe('traces (issue 15)', () => {
  it('one trace goes from the step request through Temporal, the outbox and Kafka to the ledger append, and the log carries it', async () => {
    const order = await newOrder();
    const screening = scriptedStep(happyPathSteps(order), 'recordDonorScreening');
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const res = await api.as(
      screening.role,
      'POST',
      `/api/journeys/${encodeURIComponent(order.donorCode)}/${stepRoute(screening.step)}`,
      { body: screening.payload, headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } },
    );
    expect(res.status).toBe(200);

    // donor.screened.v1 reaches the ledger through the outbox, the relay and Kafka.
    const isLedgerAppend = (s: ReceivedSpan) =>
      s.service === 'traceability' &&
      s.kind === CONSUMER &&
      s.attributes['messaging.consumer.group.name'] === LEDGER_GROUP;
    // Each process exports on its own: wait until the chain from the ledger reaches the caller.
    let seen: ReceivedSpan[] = [];
    const spans = await pollUntil(
      'the trace from the request to the ledger',
      async () => {
        seen = await spansOfTrace(traceId);
        const ledger = seen.find(isLedgerAppend);
        return ledger && ancestry(ledger, seen).at(-1)?.parentSpanId === callerSpanId
          ? seen
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    ).catch((error: Error) => {
      const received = seen.map((s) => `${s.service} ${s.name} (${s.spanId} ← ${s.parentSpanId})`);
      throw new Error(`${error.message}; the trace has: ${received.join(', ') || 'no span'}`);
    });

    const ledger = spans.find(isLedgerAppend)!;
    const chain = ancestry(ledger, spans);
    expect(chain.map(({ service, name, kind }) => ({ service, name, kind }))).toEqual([
      { service: 'traceability', name: expect.stringMatching(/^process /), kind: CONSUMER },
      { service: 'donor-intake', name: expect.stringMatching(/^publish /), kind: PRODUCER },
      { service: 'donor-intake', name: 'RunActivity:recordDonorScreening', kind: 1 },
      { service: 'journey-worker', name: 'StartActivity:recordDonorScreening', kind: 1 },
      { service: 'journey-worker', name: 'HandleUpdate:recordDonorScreening', kind: 1 },
      { service: 'gateway', name: 'StartWorkflowUpdate:recordDonorScreening', kind: 1 },
      {
        service: 'gateway',
        name: `POST /api/journeys/:donorCode/${stepRoute(screening.step)}`,
        kind: SERVER,
      },
    ]);
    // The event went out on the topic the ledger took it from.
    const [, published] = chain;
    expect(ledger.name).toBe(`process ${published.attributes['messaging.destination.name']}`);
    // The ledger's writes are the consumer's own children, in its transaction.
    const ledgerWrites = spans.filter(
      (s) =>
        s.parentSpanId === ledger.spanId &&
        String(s.attributes['db.statement'] ?? '').includes('"ledger_entry"'),
    );
    expect(ledgerWrites.length).toBeGreaterThanOrEqual(1);

    // The gateway's log line of the request (pino-http's) is found by the trace id.
    const logged = await pollUntil('the request log line with the trace id', async () =>
      readFileSync(LOG, 'utf8')
        .split('\n')
        .find(
          (l) =>
            l.startsWith('[gateway] ') &&
            l.includes(`"trace_id":"${traceId}"`) &&
            l.includes('"msg":"request completed"'),
        ),
    );
    expect(JSON.parse(logged.slice('[gateway] '.length))).toMatchObject({
      trace_id: traceId,
      req: { method: 'POST' },
      res: { statusCode: 200 },
    });
  });
});
