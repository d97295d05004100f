import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';
import { databaseUrl, migrateServiceSchema, migrationDatabaseUrl } from '@v2v/database';
import {
  bootstrapService,
  internalCallHeaders,
  internalServiceToken,
  SERVICE_PORTS,
} from '@v2v/service-kit';
import { LedgerRepository } from '../../apps/traceability/src/ledger/ledger.repository';
import { traceabilityDataSourceOptions } from '../../apps/traceability/src/traceability.data-source';
import { TraceByDonorCodeUseCase } from '../../apps/traceability/src/usecases/trace-by-donor-code.usecase';
import { p50, p99, resultRow } from './measure';
import { BenchDatabaseRepository, TraceBenchRepository } from './trace-bench.repository';
import {
  benchDonorCode,
  benchJourneyLedger,
  benchPatientReference,
  MAX_BENCH_JOURNEYS,
} from './trace-ledger';

/**
 * `npm run bench:trace` (PostgreSQL up: `npm start`, or `bash tools/infra/up.sh`): issue 15's
 * P3, the donor ↔ patient trace with a big ledger loaded, against the floor measured in the
 * same run on the same table — one indexed SELECT of the donor's chain by its code.
 *
 * It makes a database of its own (`v2v_bench_trace`, as the schema owner), runs the
 * traceability service's migrations into it, loads JOURNEYS journeys' ledgers (15 hash-chained
 * entries each, as the consumer appends them, with their donor–patient links and chain heads),
 * vacuums and analyses, then boots the traceability app in this process against it (as
 * main.ts does, without its Kafka consumer and workers) and asks its internal routes for random
 * journeys, one at a time: donor → patient by donor code, patient → donor by patient reference.
 * Goal: p99 ≤ 3× the floor's and < 20 ms. The database is dropped at the end; KEEP=1 keeps it.
 * SMOKE=1 loads five hundred journeys, for CI: it proves the bench runs.
 */
const SMOKE = process.env.SMOKE === '1';
const num = (name: string, full: number, smoke: number) =>
  Number(process.env[name] ?? (SMOKE ? smoke : full));
const JOURNEYS = num('JOURNEYS', 100_000, 500);
const QUERIES = num('QUERIES', 2_000, 200);
const WARMUP = num('WARMUP', 200, 20);
const KEEP = process.env.KEEP === '1';
/** Journeys per load transaction (7,500 entries). */
const BATCH = 500;
const BENCH_DATABASE = 'v2v_bench_trace';
const ENTRIES_PER_JOURNEY = 15;

type Kind = 'floor' | 'donor' | 'patient' | 'useCase';

async function main(): Promise<void> {
  if (!(Number.isInteger(JOURNEYS) && JOURNEYS >= 1 && JOURNEYS <= MAX_BENCH_JOURNEYS))
    throw new Error(`JOURNEYS must be a whole number in 1..${MAX_BENCH_JOURNEYS}`);
  // As `npm start`: the development internal token and checkpoint key, nothing else.
  process.env.NODE_ENV ??= 'development';
  // Read before the app's environment is set below: DATABASE_URL then names the bench database.
  const ownerUrl = migrationDatabaseUrl();
  const benchOwnerUrl = withDatabase(ownerUrl, BENCH_DATABASE);
  const benchServiceUrl = withDatabase(databaseUrl(), BENCH_DATABASE);
  const databases = new BenchDatabaseRepository(ownerUrl);
  console.log(`bench:trace${SMOKE ? ' (smoke)' : ''} on ${new Date().toISOString()}\n`);
  await databases.recreate(BENCH_DATABASE).catch((error: { code?: string }) => {
    if (error.code === '42501')
      throw new Error(
        `the schema owner may not create the bench database: \`npm run infra:up\` grants the local cluster's owner CREATEDB; elsewhere set MIGRATION_DATABASE_URL to a role that has it`,
      );
    throw error;
  });
  let owner: DataSource | undefined;
  let service: DataSource | undefined;
  let app: INestApplication | undefined;
  try {
    owner = await connect(benchOwnerUrl, true);
    await migrateServiceSchema(owner);
    const loaded = await load(new TraceBenchRepository(owner));
    app = await startTraceability(benchServiceUrl);
    service = await connect(benchServiceUrl, false);
    const base = (await app.getUrl()).replace('[::1]', 'localhost');
    const samples = await measure(base, service);
    report(loaded, samples);
  } finally {
    await app?.close();
    await service?.destroy();
    await owner?.destroy();
    if (KEEP) console.log(`\nkept database ${BENCH_DATABASE} (KEEP=1); the next run drops it`);
    else await databases.drop(BENCH_DATABASE);
  }
}

/** Loads every journey's ledger, generating the next batch while the database writes one. */
async function load(bench: TraceBenchRepository) {
  const now = Date.now();
  const started = performance.now();
  let pending: Promise<void> = Promise.resolve();
  let reported = 0;
  for (let first = 1; first <= JOURNEYS; first += BATCH) {
    const batch = [];
    for (let n = first; n < first + BATCH && n <= JOURNEYS; n++)
      batch.push(benchJourneyLedger(n, now));
    await pending;
    pending = bench.load(batch);
    const done = first - 1 + batch.length;
    if (done - reported >= JOURNEYS / 10 || done === JOURNEYS) {
      reported = done;
      console.log(`  loading: ${done} journeys (${seconds(started).toFixed(0)} s)`);
    }
  }
  await pending;
  const loadSeconds = seconds(started);
  const vacuumStarted = performance.now();
  await bench.settle();
  const counts = await bench.counts();
  if (counts.entries !== JOURNEYS * ENTRIES_PER_JOURNEY || counts.chains !== JOURNEYS)
    throw new Error(`loaded ${JSON.stringify(counts)}, expected ${JOURNEYS} chains of 15`);
  return { ...counts, loadSeconds, vacuumSeconds: seconds(vacuumStarted) };
}

/** The app as main.ts boots it (module, guard, filter, metrics), on an ephemeral port. */
async function startTraceability(serviceUrl: string): Promise<INestApplication> {
  Object.assign(process.env, {
    DATABASE_URL: serviceUrl,
    PORT: '0',
    V2V_BACKGROUND: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  const { TraceabilityModule } = await import('../../apps/traceability/src/traceability.module');
  return bootstrapService(TraceabilityModule, { port: SERVICE_PORTS.traceability });
}

/**
 * QUERIES rounds after WARMUP unrecorded ones; each picks a random journey and runs the floor,
 * both HTTP directions and the use case alone (no HTTP), in an order that rotates each round,
 * so that none always finds the journey's pages warmed by another. Every answer is checked.
 */
async function measure(base: string, service: DataSource): Promise<Record<Kind, number[]>> {
  const floor = new TraceBenchRepository(service);
  const useCase = new TraceByDonorCodeUseCase(new LedgerRepository(service));
  const headers = internalCallHeaders(internalServiceToken());
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers });
    return { status: res.status, body: (await res.json()) as TraceAnswer };
  };
  const run: Record<Kind, (n: number) => Promise<boolean>> = {
    floor: async (n) => (await floor.floorChain(benchDonorCode(n))) === ENTRIES_PER_JOURNEY,
    donor: async (n) => {
      const res = await get(`/internal/trace/donors/${benchDonorCode(n)}`);
      return (
        res.status === 200 &&
        res.body.patientReference === benchPatientReference(n) &&
        res.body.entries?.length === ENTRIES_PER_JOURNEY
      );
    },
    patient: async (n) => {
      const res = await get(`/internal/trace/patients/${benchPatientReference(n)}`);
      return (
        res.status === 200 &&
        res.body.journeys?.length === 1 &&
        res.body.journeys[0].donorCode === benchDonorCode(n) &&
        res.body.journeys[0].entries.length === ENTRIES_PER_JOURNEY
      );
    },
    useCase: async (n) =>
      (await useCase.execute(benchDonorCode(n))).entries.length === ENTRIES_PER_JOURNEY,
  };
  const kinds = Object.keys(run) as Kind[];
  const samples: Record<Kind, number[]> = { floor: [], donor: [], patient: [], useCase: [] };
  for (let round = 0; round < WARMUP + QUERIES; round++) {
    const n = 1 + Math.floor(Math.random() * JOURNEYS);
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(round + k) % kinds.length];
      const t = performance.now();
      const right = await run[kind](n);
      const ms = performance.now() - t;
      if (!right) throw new Error(`${kind} trace of journey ${n} answered wrong`);
      if (round >= WARMUP) samples[kind].push(ms);
    }
  }
  return samples;
}

interface TraceAnswer {
  patientReference?: string;
  entries?: unknown[];
  journeys?: Array<{ donorCode: string; entries: unknown[] }>;
}

function report(
  loaded: { entries: number; chains: number; loadSeconds: number; vacuumSeconds: number },
  samples: Record<Kind, number[]>,
): void {
  const ms = (values: number[]) =>
    `p99 ${p99(values).toFixed(2)} ms (p50 ${p50(values).toFixed(2)})`;
  console.log(
    `\nP3: ${loaded.chains} journeys' ledger, ${loaded.entries} entries, loaded in ` +
      `${loaded.loadSeconds.toFixed(0)} s (${(loaded.entries / loaded.loadSeconds).toFixed(0)} entries/s), ` +
      `vacuumed and analysed in ${loaded.vacuumSeconds.toFixed(0)} s`,
  );
  console.log(
    `  ${QUERIES} random journeys after ${WARMUP} warm-up, one at a time, through the traceability app's internal routes (in-process, logging off):`,
  );
  console.log(`  floor, one indexed SELECT of the chain by donor code: ${ms(samples.floor)}`);
  console.log(`  donor → patient, GET /internal/trace/donors/:donorCode: ${ms(samples.donor)}`);
  console.log(`    its use case alone, without HTTP: ${ms(samples.useCase)}`);
  console.log(
    `  patient → donor, GET /internal/trace/patients/:patientReference: ${ms(samples.patient)}`,
  );
  const floor99 = p99(samples.floor);
  const rows = (['donor', 'patient'] as const).map((kind) => {
    const ratio = p99(samples[kind]) / floor99;
    const met = ratio <= 3 && p99(samples[kind]) < 20;
    const label = kind === 'donor' ? 'donor → patient' : 'patient → donor';
    console.log(
      `  P3 ${label}: ${ratio.toFixed(2)}× the floor's p99, goal ${met ? 'met' : 'missed'}`,
    );
    return resultRow(
      'P3',
      `${label} ${ms(samples[kind])}`,
      ms(samples.floor),
      ratio,
      '≤ 3× and < 20 ms',
    );
  });
  console.log('\n| id | measured | floor | ratio | goal |');
  console.log('|---|---|---|---|---|');
  console.log(rows.join('\n'));
}

/** The same server and role, another database. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function connect(url: string, withMigrations: boolean): Promise<DataSource> {
  return new DataSource({
    ...traceabilityDataSourceOptions(),
    url,
    ...(withMigrations ? {} : { migrations: [] }),
  } as DataSourceOptions).initialize();
}

const seconds = (since: number) => (performance.now() - since) / 1000;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
