import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { closeTemporalClient, getTemporalClient, temporalConnectionOptions } from '@v2v/temporal';
import { GatewayClient, happyPathSteps } from '@v2v/testing';
import { timedOrder } from './bench-orders';
import { floorEndUpdate, floorStepUpdate, journeyFloor } from './journey-floor.workflow';
import { pool } from '@v2v/testing';
import { p50, p99, resultRow } from './measure';

/**
 * `npm run bench:journeys` (platform running: `npm start`): issue 15's P1, P2 and P9, each
 * against its floor measured in the same run on the same Temporal server — a bare workflow of
 * the journey's shape run by a worker in this process, touching no service, Kafka or database.
 *
 * - P1: whole journeys (order to infusion, every step, the batch record, the release's
 *   preparation) through the gateway, CONCURRENCY at a time, against floor workflows with the
 *   update and activity counts the first journey's histories show (its children included).
 *   The demo floor has one line whose rooms run one step at a time (PRD-04), so the journeys'
 *   batch records take turns, as a one-line factory's do; the floor has no such wait, which
 *   makes the ratio a lower bound at CONCURRENCY > 1.
 * - P2: order start p99 through the gateway, one at a time, against bare `workflow.start`.
 * - P9: a burst of BURST orders with IN_FLIGHT in flight, then each new journey read once;
 *   against bare start + one update at the same concurrency. Every 5xx is counted.
 *
 * SMOKE=1 runs each with a handful, for CI: it proves the bench runs, its figures are noise.
 * The journeys it makes stay on the platform, as any order does.
 */
const SMOKE = process.env.SMOKE === '1';
const num = (name: string, full: number, smoke: number) =>
  Number(process.env[name] ?? (SMOKE ? smoke : full));
const JOURNEYS = num('JOURNEYS', 6, 2);
const CONCURRENCY = num('CONCURRENCY', 2, 2);
const ORDERS = num('ORDERS', 100, 10);
const BURST = num('BURST', 1000, 20);
const IN_FLIGHT = num('IN_FLIGHT', 50, 10);
/** BENCH=P9 (or P1,P2) measures only those. */
const ONLY = new Set((process.env.BENCH ?? 'P1,P2,P9').split(','));
/** A request the gateway did not answer within the client's 30 s, counted like a 5xx. */
const NO_ANSWER = 0;
const FLOOR_QUEUE = `bench-journey-floor-${randomUUID().slice(0, 8)}`;

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

interface Shape {
  updates: number;
  activities: number;
  workflows: number;
}

async function main(): Promise<void> {
  const api = new GatewayClient(
    process.env.GATEWAY_URL ?? `http://127.0.0.1:${SERVICE_PORTS.gateway}`,
  );
  const client = await getTemporalClient();
  const floor = await startFloorWorker();
  try {
    console.log(`bench:journeys${SMOKE ? ' (smoke)' : ''} on ${new Date().toISOString()}\n`);
    const rows: string[] = [];
    if (ONLY.has('P1')) rows.push(await measureP1(api, client));
    if (ONLY.has('P2')) rows.push(await measureP2(api, client));
    if (ONLY.has('P9')) rows.push(await measureP9(api, client));
    console.log('\n| id | measured | floor | ratio | goal |');
    console.log('|---|---|---|---|---|');
    console.log(rows.join('\n'));
  } finally {
    await floor.shutdown();
    await closeTemporalClient();
  }
}

async function measureP1(api: GatewayClient, client: Client): Promise<string> {
  const started = performance.now();
  const donorCodes = await pool(JOURNEYS, CONCURRENCY, () => wholeJourney(api));
  const journeysPerSecond = JOURNEYS / ((performance.now() - started) / 1000);
  const shape = await journeyShape(client, `journey-${donorCodes[0]}`);
  const floorStarted = performance.now();
  await pool(JOURNEYS, CONCURRENCY, () => floorJourney(client, shape));
  const floorPerSecond = JOURNEYS / ((performance.now() - floorStarted) / 1000);
  console.log(
    `P1: ${JOURNEYS} journeys, ${CONCURRENCY} at a time: ${journeysPerSecond.toFixed(3)}/s; ` +
      `floor (${shape.updates} updates, ${shape.activities} no-op activities, as the journey's ` +
      `${shape.workflows} workflows had): ${floorPerSecond.toFixed(3)}/s`,
  );
  return resultRow(
    'P1',
    `${journeysPerSecond.toFixed(3)} journeys/s`,
    `${floorPerSecond.toFixed(3)}/s`,
    journeysPerSecond / floorPerSecond,
    '≥ 0.8×',
  );
}

async function measureP2(api: GatewayClient, client: Client): Promise<string> {
  const orders: number[] = [];
  for (let i = 0; i < ORDERS; i++) orders.push((await timedOrder(api)).ms);
  const starts: number[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const t = performance.now();
    const handle = await startFloor(client);
    starts.push(performance.now() - t);
    await handle.executeUpdate(floorEndUpdate);
  }
  const order99 = p99(orders);
  const start99 = p99(starts);
  console.log(
    `P2: ${ORDERS} orders one at a time: p99 ${order99.toFixed(1)} ms (p50 ${p50(orders).toFixed(1)}); ` +
      `bare workflow.start p99 ${start99.toFixed(1)} ms (p50 ${p50(starts).toFixed(1)})`,
  );
  return resultRow(
    'P2',
    `p99 ${order99.toFixed(1)} ms`,
    `p99 ${start99.toFixed(1)} ms`,
    order99 / start99,
    '≤ 1.2×',
  );
}

async function measureP9(api: GatewayClient, client: Client): Promise<string> {
  const statuses = new Map<number, number>();
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const started = performance.now();
  const orders = await pool(BURST, IN_FLIGHT, async () => {
    const order = await timedOrder(api, false).catch(() => ({
      ms: 30_000,
      status: NO_ANSWER,
      donorCode: undefined,
    }));
    count(order.status);
    return order;
  });
  const ordersPerSecond = BURST / ((performance.now() - started) / 1000);
  const latencies = orders.map((o) => o.ms);
  const reads = new Map<number, number>();
  const accepted = orders.filter((o) => o.donorCode).map((o) => o.donorCode!);
  await pool(accepted.length, IN_FLIGHT, async (i) => {
    const status = await api
      .as('ops', 'GET', `/api/journeys/${encodeURIComponent(accepted[i])}`)
      .then((res) => res.status)
      .catch(() => NO_ANSWER);
    reads.set(status, (reads.get(status) ?? 0) + 1);
  });
  const floorStarted = performance.now();
  await pool(BURST, IN_FLIGHT, async () => {
    const handle = await startFloor(client);
    await handle.executeUpdate(floorStepUpdate, { args: [1] });
    await handle.executeUpdate(floorEndUpdate);
  });
  // The floor's end update is its own cleanup: timed with it, it only lowers the floor's rate.
  const floorPerSecond = BURST / ((performance.now() - floorStarted) / 1000);
  const errors = [...statuses, ...reads]
    .filter(([s]) => s >= 500 || s === NO_ANSWER)
    .reduce((n, [, c]) => n + c, 0);
  console.log(
    `P9: ${BURST} orders, ${IN_FLIGHT} in flight: ${ordersPerSecond.toFixed(1)} orders/s, ` +
      `p50 ${p50(latencies).toFixed(0)} ms, p99 ${p99(latencies).toFixed(0)} ms, answers ${fmtStatuses(statuses)}; ` +
      `each journey read right after: ${fmtStatuses(reads)}; ` +
      `floor (start + one update): ${floorPerSecond.toFixed(1)}/s`,
  );
  return resultRow(
    'P9',
    `${ordersPerSecond.toFixed(1)} orders/s, ${errors} 5xx or unanswered`,
    `${floorPerSecond.toFixed(1)}/s`,
    ordersPerSecond / floorPerSecond,
    '≥ 0.8×, no 5xx',
  );
}

/** Order to infusion, every scripted step as its user takes it; the journey's donor code. */
async function wholeJourney(api: GatewayClient): Promise<string> {
  const { donorCode, patientReference } = await timedOrder(api);
  if (!donorCode) throw new Error('order refused');
  for (const scripted of happyPathSteps({ donorCode, patientReference })) {
    const res = await (scripted.batchRecord
      ? onTheLine(() => api.run(donorCode, scripted))
      : api.run(donorCode, scripted));
    if (res.status !== 200)
      throw new Error(`${scripted.step} refused: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return donorCode;
}

let line: Promise<unknown> = Promise.resolve();
/** Runs `work` when the production line is free: one batch record at a time. */
function onTheLine<T>(work: () => Promise<T>): Promise<T> {
  const turn = line.then(work);
  line = turn.catch(() => undefined);
  return turn;
}

/** The updates and activities of a workflow and every child it started, from their histories. */
async function journeyShape(client: Client, workflowId: string): Promise<Shape> {
  const shape: Shape = { updates: 0, activities: 0, workflows: 0 };
  const pending = [workflowId];
  while (pending.length) {
    const history = await client.workflow.getHandle(pending.pop()!).fetchHistory();
    shape.workflows += 1;
    for (const event of (history.events ?? []) as HistoryEvent[]) {
      if (event.workflowExecutionUpdateAcceptedEventAttributes) shape.updates += 1;
      if (event.activityTaskScheduledEventAttributes) shape.activities += 1;
      const child = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution;
      if (child?.workflowId) pending.push(child.workflowId);
    }
  }
  return shape;
}

/** A floor workflow of the journey's shape: its updates share its activities out, then end. */
async function floorJourney(client: Client, shape: Shape): Promise<void> {
  const handle = await startFloor(client);
  const updates = Math.max(1, shape.updates);
  for (let i = 0; i < updates; i++) {
    const activities =
      Math.floor(shape.activities / updates) + (i < shape.activities % updates ? 1 : 0);
    await handle.executeUpdate(floorStepUpdate, { args: [activities] });
  }
  await handle.executeUpdate(floorEndUpdate);
}

function startFloor(client: Client) {
  return client.workflow.start(journeyFloor, {
    taskQueue: FLOOR_QUEUE,
    workflowId: `bench-floor-${randomUUID()}`,
  });
}

async function startFloorWorker() {
  const connection = await NativeConnection.connect(temporalConnectionOptions(process.env));
  const worker = await Worker.create({
    connection,
    taskQueue: FLOOR_QUEUE,
    workflowsPath: require.resolve('./journey-floor.workflow'),
    activities: { noop: async () => undefined },
  });
  const running = worker.run();
  return {
    shutdown: async () => {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

const fmtStatuses = (statuses: Map<number, number>) =>
  [...statuses].map(([s, c]) => `${c}× ${s === NO_ANSWER ? 'no answer in 30 s' : s}`).join(', ');

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
