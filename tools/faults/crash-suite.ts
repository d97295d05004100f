import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { databaseUrl } from '@v2v/database';
import { temporalConnectionOptions, temporalNamespace } from '@v2v/temporal';
import { pollUntil, pool, seededRandom } from '@v2v/testing';
import {
  type CompositionDifference,
  differencesFromControl,
  journeysNotAt,
  stuckWorkflows,
  verifyEveryChain,
} from './crash-checks';
import { CrashChecksRepository } from './crash-checks.repository';
import { type JourneyOutcome, wholeJourney } from './crash-journey';
import { pidOf, platformRecovered, requireLocalServers } from './fault-targets';
import { COMPONENTS, type Component, killsPerComponent, planKills } from './kill-plan';
import { type KillRecord, runKills } from './kill-runner';
import { RetryingGatewayClient } from './retrying-gateway-client';

export interface CrashSuiteOptions {
  journeys: number;
  concurrency: number;
  kills: number;
  seed: number;
  gatewayUrl: string;
  /** How long the client retries one request (a dropped connection, a 5xx). */
  requestPatienceMs: number;
  /** How long after a kill the component and every process must be ready again. */
  recoveryMs: number;
  /** How long the checks wait for the ledger and for Temporal to settle after the run. */
  settleMs: number;
  /** A workflow task or activity at more attempts than this after the run is stuck. */
  stuckAttempts: number;
  log: (line: string) => void;
  /** Where tools/infra's output goes while it starts a killed server again. */
  infraLog: (text: string) => void;
}

export interface CrashReport {
  seed: number;
  control: JourneyOutcome;
  outcomes: JourneyOutcome[];
  kills: KillRecord[];
  killsPerComponent: Record<Component, number>;
  /** Requests the client sent again, by why: a 5xx status or no answer. */
  retried: Record<string, number>;
  /** The 500s among them, by route. */
  internalErrors: Record<string, number>;
  differences: CompositionDifference[];
  ledgerRecordsTwice: string[];
  verify: { intact: boolean; lines: string[] };
  stuck: string[];
  seconds: number;
  /** Every failed check, in words; empty when the run passed. */
  failures: string[];
}

/**
 * CSV-01, GEN-02 under faults: one journey without faults (the reference), then `journeys`
 * whole journeys, `concurrency` at a time, while the planned `kill -9`s hit the platform's
 * processes, the journey worker, Kafka, Temporal and PostgreSQL; then the checks: every
 * journey completed, no fact doubled or lost against the reference (ledger entries, step
 * records, outbox events, audit entries, messages set aside), every chain verifies, nothing
 * stuck in Temporal, no request answered 500 (an outage is a 503). The platform must be
 * running (the launcher starts a killed process again).
 */
export async function runCrashSuite(o: CrashSuiteOptions): Promise<CrashReport> {
  requireLocalServers();
  const down = COMPONENTS.filter((c) => pidOf(c) === undefined);
  if (down.length) throw new Error(`not running (no live pid recorded): ${down.join(', ')}`);
  const startedAt = Date.now();
  const plan = planKills(o.kills, seededRandom(o.seed));
  const api = new RetryingGatewayClient(o.gatewayUrl, o.requestPatienceMs, {
    // The scripts' waits (logger readings stored, the ledger before release) span restarts.
    patience: 10,
    // Journeys in flight take turns in the demo line's rooms (PRD-04), as a factory's do.
    roomTurnMs: 30 * 60_000,
  });
  const connection = await Connection.connect(temporalConnectionOptions());
  const db = new DataSource({ type: 'postgres', url: databaseUrl(), logging: false });
  await db.initialize();
  try {
    o.log(`seed ${o.seed}: ${plan.map((k) => k.component).join(', ') || 'no kills'}`);
    const control = await wholeJourney(api);
    if (control.error || !control.donorCode || !control.stage)
      throw new Error(`the journey without faults did not complete: ${control.error}`);
    o.log(`reference journey ${control.donorCode} at ${control.stage} in ${control.seconds} s`);
    const commandsPerJourney = api.commandsAnswered;
    const base = api.commandsAnswered;
    let inFlight = 0;
    let done = false;
    const journeys = pool(o.journeys, o.concurrency, async (i) => {
      inFlight += 1;
      const outcome = await wholeJourney(api).finally(() => (inFlight -= 1));
      o.log(`journey ${i + 1}/${o.journeys} ${outcome.donorCode ?? ''}: ${outcomeText(outcome)}`);
      return outcome;
    }).finally(() => (done = true));
    const kills = await runKills(plan, {
      connection,
      progress: () => (api.commandsAnswered - base) / (commandsPerJourney * o.journeys),
      journeysInFlight: () => inFlight,
      journeysDone: () => done,
      startedAt,
      recoveryMs: o.recoveryMs,
      log: o.log,
      infraLog: o.infraLog,
    });
    const outcomes = await journeys;
    const report = await checkAfterRun(o, { api, connection, db, control, outcomes, kills });
    return { ...report, seconds: Math.round((Date.now() - startedAt) / 1000) };
  } finally {
    await db.destroy();
    await connection.close();
  }
}

async function checkAfterRun(
  o: CrashSuiteOptions,
  run: {
    api: RetryingGatewayClient;
    connection: Connection;
    db: DataSource;
    control: JourneyOutcome & { donorCode?: string };
    outcomes: JourneyOutcome[];
    kills: KillRecord[];
  },
): Promise<Omit<CrashReport, 'seconds'>> {
  const { api, connection, control, outcomes, kills } = run;
  const failures: string[] = [];
  const fail = (what: string) => failures.push(what);
  const repository = new CrashChecksRepository(run.db);
  const reference = control.donorCode!;
  const codes = outcomes.flatMap((j) => (j.donorCode ? [j.donorCode] : []));
  const failed = new Set(outcomes.flatMap((j) => (j.error && j.donorCode ? [j.donorCode] : [])));

  for (const k of kills) if (k.problem) fail(`kill of ${k.component}: ${k.problem}`);
  // CSV-04: a server away is a 503 with a retry hint; a 500 is a failure that leaked.
  for (const [route, n] of api.internalErrors) fail(`${n}× 500 from ${route}`);
  const notReady = await platformRecovered(connection, o.recoveryMs);
  if (notReady.length) fail(`not ready after the run: ${notReady.join(', ')}`);
  outcomes.forEach((j, i) => j.error && fail(`journey ${i + 1} ${j.donorCode ?? ''}: ${j.error}`));
  const completed = codes.filter((c) => !failed.has(c));
  for (const off of await journeysNotAt(api, completed, control.stage!)) fail(`journey ${off}`);

  const everyone = [reference, ...codes];
  const notConsumed = await pollUntil(
    'every event of the run consumed by every consumer',
    async () => ((await repository.eventsNotYetConsumed(everyone)).size ? undefined : new Map()),
    { timeoutMs: o.settleMs, intervalMs: 1_000 },
  ).catch(() => repository.eventsNotYetConsumed(everyone));
  for (const [consumer, n] of notConsumed)
    fail(`${n} events of the run not consumed by ${consumer} ${o.settleMs / 1000} s on`);
  const compositions = await repository.compositions(everyone);
  const controlComposition = compositions.get(reference)!;
  compositions.delete(reference);
  // A journey that stopped early lacks the facts of its later steps: only its doubles count.
  const differences = differencesFromControl(controlComposition, compositions).filter(
    (d) => !failed.has(d.donorCode) || d.found > d.expected,
  );
  for (const d of differences.filter((x) => !x.allowed))
    fail(`${d.donorCode} ${d.kind}: ${d.found}, the journey without faults ${d.expected}`);

  // A message type the reference itself has twice per record is not a doubling.
  const legitimate = new Set(
    (await repository.ledgerRecordsTwice([reference])).map((r) => r.messageType),
  );
  const ledgerRecordsTwice = (await repository.ledgerRecordsTwice(codes))
    .filter((r) => !legitimate.has(r.messageType))
    .map((r) => `${r.code} ${r.messageType} record ${r.recordId}: ${r.n} ledger entries`);
  ledgerRecordsTwice.forEach(fail);

  const verify = await verifyEveryChain();
  if (!verify.intact)
    fail(`npm run verify: ${verify.lines.filter((l) => !l.startsWith('intact')).join('; ')}`);

  const client = new Client({ connection, namespace: temporalNamespace() });
  const limits = { attempts: o.stuckAttempts, unpickedMs: 60_000 };
  let stuck: string[] = [];
  await pollUntil(
    'nothing stuck in Temporal',
    async () =>
      (stuck = await stuckWorkflows(client, everyone, limits)).length ? undefined : true,
    { timeoutMs: o.settleMs, intervalMs: 2_000 },
  ).catch(() => undefined);
  stuck.forEach((s) => fail(`stuck: ${s}`));
  await freeRoomsOf(api, repository, [...failed], o.log);

  return {
    seed: o.seed,
    control,
    outcomes,
    kills,
    killsPerComponent: killsPerComponent(kills.map((k) => k.component)),
    retried: Object.fromEntries([...api.retried].map(([cause, n]) => [String(cause), n])),
    internalErrors: Object.fromEntries(api.internalErrors),
    differences,
    ledgerRecordsTwice,
    verify,
    stuck,
    failures,
  };
}

/**
 * A journey that stopped inside its batch record leaves its room booked for the step's planned
 * hours (PRD-04 would refuse every later booking there): its open bookings are cancelled, with
 * the reason, so the runs and tests after this one find the demo line free.
 */
async function freeRoomsOf(
  api: RetryingGatewayClient,
  repository: CrashChecksRepository,
  donorCodes: string[],
  log: (line: string) => void,
): Promise<void> {
  for (const bookingId of await repository.openBookings(donorCodes)) {
    const res = await api.as(
      'production-manager',
      'POST',
      `/api/production-calendar/bookings/${bookingId}/cancel`,
      {
        body: { reason: 'fault suite: its journey stopped before the step was completed' },
      },
    );
    log(`booking ${bookingId} of a stopped journey cancelled: ${res.status}`);
  }
}

const outcomeText = (j: JourneyOutcome) =>
  j.error ? `FAILED after ${j.seconds} s: ${j.error}` : `${j.stage} in ${j.seconds} s`;

/** The report's figures as the lines `npm run faults` prints. */
export function formatCrashReport(r: CrashReport): string[] {
  const completed = r.outcomes.filter((j) => !j.error).length;
  const duringJourneys = r.kills.filter((k) => k.journeysInFlight > 0).length;
  const recovered = r.kills.flatMap((k) =>
    k.recoveredSeconds === undefined ? [] : [k.recoveredSeconds],
  );
  const allowed = r.differences.filter((d) => d.allowed);
  return [
    `seed ${r.seed}, ${r.seconds} s`,
    `journeys: ${completed} of ${r.outcomes.length} completed (reference ${r.control.donorCode})`,
    `kills: ${r.kills.length} (${duringJourneys} with journeys in flight): ` +
      Object.entries(r.killsPerComponent)
        .map(([c, n]) => `${c} ${n}`)
        .join(', '),
    `recovery after a kill: ${recovered.length ? `max ${Math.max(...recovered)} s` : 'none measured'}`,
    `requests retried: ${
      Object.entries(r.retried)
        .map(([c, n]) => `${n}× ${c}`)
        .join(', ') || 'none'
    }`,
    `500s by route: ${
      Object.entries(r.internalErrors)
        .map(([route, n]) => `${n}× ${route}`)
        .join(', ') || 'none'
    }`,
    `duplicates or losses against the reference: ${r.differences.length - allowed.length}` +
      (allowed.length
        ? ` (and ${allowed.length} allowed: ${[...new Set(allowed.map((d) => d.allowed))].join('; ')})`
        : ''),
    `ledger records twice: ${r.ledgerRecordsTwice.length}`,
    `verify: ${r.verify.intact ? 'every chain intact' : 'BROKEN'}`,
    ...r.verify.lines.map((l) => `  ${l}`),
    `stuck in Temporal: ${r.stuck.length}`,
    ...(r.failures.length ? ['FAILED:', ...r.failures.map((f) => `  ${f}`)] : ['PASSED']),
  ];
}
