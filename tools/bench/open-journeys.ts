import type { Client } from '@temporalio/client';
import { JOURNEY_WORKFLOW_TYPE, journeyWorkflowId, TASK_QUEUES } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { closeTemporalClient, getTemporalClient, temporalNamespace } from '@v2v/temporal';
import { GatewayClient, pool } from '@v2v/testing';
import { timedOrder } from './bench-orders';
import { ladderUpTo, linearFit } from './measure';
import { JourneyWorkerProcess, ProcessMemory } from './worker-process';

/**
 * `npm run bench:open-journeys` (platform running: `npm start`): issue 15's P7, the memory of
 * the one journey worker as the open journeys grow. Orders go through the gateway (donor
 * registration and the journey's start, as a scheduler places them), IN_FLIGHT at a time, up
 * to 1k, 2k, 5k, 10k… MAX journeys. At each count, once the worker has taken the new journeys'
 * first tasks (the journey task queue has no backlog and the last journey started has neither a
 * workflow task nor an activity pending), the worker's resident set is read from /proc (every
 * thread of the process: Temporal's workflow threads live in it). It prints the table, the
 * slope in MiB per 1k journeys and the line's value at 100k. Goal: 100k open, RSS < 2 GiB.
 *
 * The journeys wait for their next step, an update; a journey's first durable timer comes with
 * its transport leg, five steps on. The worker keeps JOURNEY_WORKER_CACHED_WORKFLOWS of them in
 * memory (read from the worker's own environment and printed); to see the slope at another
 * cache size, start the platform with another value and run this again.
 *
 * Bounded: no new step starts after MINUTES, and a step that does not settle in SETTLE_SECONDS
 * is measured as it stands, and said so. The journeys it starts stay open on the platform, as
 * any order's do. SMOKE=1 measures 10 and 20 journeys, for CI: it proves the bench runs.
 */
const SMOKE = process.env.SMOKE === '1';
const num = (name: string, full: number, smoke: number) =>
  Number(process.env[name] ?? (SMOKE ? smoke : full));
const MAX = num('MAX', 20_000, 20);
const IN_FLIGHT = num('IN_FLIGHT', 20, 10);
const MINUTES = num('MINUTES', 60, 3);
const SETTLE_SECONDS = num('SETTLE_SECONDS', 600, 90);
const GATEWAY_URL = process.env.GATEWAY_URL ?? `http://127.0.0.1:${SERVICE_PORTS.gateway}`;
const OPEN_JOURNEYS = `WorkflowType = '${JOURNEY_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`;
const MiB = 1024;

interface Sample {
  started: number;
  open?: number;
  memory: ProcessMemory;
  pid: number;
  startSeconds: number;
  settleSeconds: number;
  settled: boolean;
  refused: number;
}

async function main(): Promise<void> {
  const worker = new JourneyWorkerProcess();
  const pid = worker.pid();
  const settings = worker.settings(pid);
  const client = await getTemporalClient();
  const began = Date.now();
  const samples: Sample[] = [];
  try {
    console.log(`bench:open-journeys${SMOKE ? ' (smoke)' : ''} on ${new Date().toISOString()}`);
    console.log(
      `journey worker pid ${pid}: ${settings.cachedWorkflows} cached workflows, heap limit ` +
        `${settings.heapLimitMb ? `${settings.heapLimitMb} MB` : "V8's default"}\n`,
    );
    const baseline = await sample(worker, client, 0, { startSeconds: 0, settleSeconds: 0 });
    console.log(line(baseline));
    let started = 0;
    for (const target of ladderUpTo(MAX)) {
      if (Date.now() - began > MINUTES * 60_000) {
        console.log(`  stopped before ${target}: past MINUTES=${MINUTES}`);
        break;
      }
      const step = await startJourneys(target - started);
      if (!step.last) throw new Error(`the gateway accepted none of ${step.refused} orders`);
      started += step.accepted;
      const settleStarted = Date.now();
      const settled = await settle(client, journeyWorkflowId(step.last));
      const s = await sample(worker, client, started, {
        startSeconds: step.seconds,
        settleSeconds: (Date.now() - settleStarted) / 1000,
        settled,
        refused: step.refused,
      });
      samples.push(s);
      console.log(line(s));
    }
    report(baseline, samples, settings.cachedWorkflows);
  } finally {
    await closeTemporalClient();
  }
}

/** `count` orders through the gateway; a new login each step, as tokens last 15 minutes. */
async function startJourneys(count: number) {
  const api = new GatewayClient(GATEWAY_URL);
  // Once, before the lanes: each would log in (a bcrypt check) while no token is cached.
  await api.login('scheduler');
  const started = performance.now();
  let accepted = 0;
  let refused = 0;
  let last: string | undefined;
  await pool(count, IN_FLIGHT, async () => {
    const order = await timedOrder(api, false).catch(() => undefined);
    if (order?.donorCode) {
      accepted += 1;
      last = order.donorCode;
    } else refused += 1;
  });
  return { accepted, refused, last, seconds: (performance.now() - started) / 1000 };
}

/**
 * Waits until the worker has taken the new journeys' first tasks: no backlog on the journey
 * task queue (when the server reports it) and nothing pending on the last journey started,
 * twice in a row. False if that did not happen within SETTLE_SECONDS.
 */
async function settle(client: Client, lastJourneyId: string): Promise<boolean> {
  const deadline = Date.now() + SETTLE_SECONDS * 1000;
  let quietPolls = 0;
  while (Date.now() < deadline) {
    const [backlog, description] = await Promise.all([
      journeyQueueBacklog(client),
      client.workflow.getHandle(lastJourneyId).describe(),
    ]);
    const { pendingWorkflowTask, pendingActivities } = description.raw;
    const quiet = !backlog && !pendingWorkflowTask && !pendingActivities?.length;
    quietPolls = quiet ? quietPolls + 1 : 0;
    if (quietPolls >= 2) return true;
    await pause(2_000);
  }
  return false;
}

/** The journey task queue's workflow-task backlog, or undefined if the server gives no stats. */
async function journeyQueueBacklog(client: Client): Promise<number | undefined> {
  const res = await client.workflowService.describeTaskQueue({
    namespace: temporalNamespace(),
    taskQueue: { name: TASK_QUEUES.journey },
    taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    reportStats: true,
  });
  const backlog = res.stats?.approximateBacklogCount;
  return backlog === undefined || backlog === null ? undefined : Number(backlog.toString());
}

/** The worker's memory, the median of three readings a second apart (GC moves it). */
async function sample(
  worker: JourneyWorkerProcess,
  client: Client,
  started: number,
  step: Pick<Sample, 'startSeconds' | 'settleSeconds'> & Partial<Sample>,
): Promise<Sample> {
  const readings: ProcessMemory[] = [];
  let pid = 0;
  for (let i = 0; i < 3; i++) {
    if (i) await pause(1_000);
    const read = await readWorker(worker);
    pid = read.pid;
    readings.push(read.memory);
  }
  readings.sort((a, b) => a.rssKiB - b.rssKiB);
  // Visibility's count is a convenience of the table; a server without it leaves a dash.
  const open = await client.workflow
    .count(OPEN_JOURNEYS)
    .then((c) => c.count)
    .catch(() => undefined);
  return { settled: true, refused: 0, ...step, started, open, pid, memory: readings[1] };
}

/**
 * The worker's pid and memory; while a crashed worker is being started again (its pid file
 * names a process gone), tried again for up to 20 s.
 */
async function readWorker(worker: JourneyWorkerProcess) {
  for (let attempt = 1; ; attempt++) {
    try {
      const pid = worker.pid();
      return { pid, memory: worker.memory(pid) };
    } catch (error) {
      if (attempt >= 10) throw error;
      await pause(2_000);
    }
  }
}

function line(s: Sample): string {
  return [
    `  ${String(s.started).padStart(6)} started`,
    `${s.open ?? '—'} open on the server`,
    `RSS ${(s.memory.rssKiB / MiB).toFixed(0)} MiB (peak ${(s.memory.peakRssKiB / MiB).toFixed(0)})`,
    `${s.memory.threads} threads`,
    `orders ${s.startSeconds.toFixed(0)} s${s.refused ? ` (${s.refused} refused)` : ''}`,
    `settled ${s.settled ? `in ${s.settleSeconds.toFixed(0)} s` : `NOT within ${SETTLE_SECONDS} s`}`,
    `pid ${s.pid}`,
  ].join(', ');
}

function report(baseline: Sample, samples: Sample[], cachedWorkflows: number): void {
  console.log(
    '\n| journeys started | open on the server | worker RSS MiB | peak RSS MiB | threads |',
  );
  console.log('|---|---|---|---|---|');
  for (const s of [baseline, ...samples])
    console.log(
      `| ${s.started} | ${s.open ?? '—'} | ${(s.memory.rssKiB / MiB).toFixed(0)} | ` +
        `${(s.memory.peakRssKiB / MiB).toFixed(0)} | ${s.memory.threads} |`,
    );
  const pids = new Set([baseline, ...samples].map((s) => s.pid));
  if (pids.size > 1)
    console.log(`\nthe worker restarted during the run (pids ${[...pids].join(', ')}): no slope`);
  if (samples.length < 2 || pids.size > 1) return;
  // From the first step on: by then the cache is full, so the slope is what a journey costs
  // beyond it.
  const fit = linearFit(samples.map((s) => ({ x: s.started / 1000, y: s.memory.rssKiB / MiB })));
  const at100k = fit.intercept + fit.slope * 100;
  const last = samples[samples.length - 1];
  console.log(
    `\nP7 slope: ${fit.slope.toFixed(2)} MiB per 1k journeys from ${samples[0].started} to ` +
      `${last.started} started (cache ${cachedWorkflows} workflows); ` +
      `the line at 100k open: ${at100k.toFixed(0)} MiB (goal < 2048 MiB)`,
  );
  console.log('\n| id | measured | floor | slope | goal |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| P7 | RSS ${(last.memory.rssKiB / MiB).toFixed(0)} MiB with ${last.started} started ` +
      `(${last.open ?? '—'} open), cache ${cachedWorkflows} | — | ${fit.slope.toFixed(2)} MiB per 1k → ` +
      `${at100k.toFixed(0)} MiB at 100k | 100k open, RSS < 2 GiB |`,
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
