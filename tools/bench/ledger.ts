import 'reflect-metadata';
import { hash, randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { EventEnvelope } from '@v2v/contracts';
import { databaseUrl, migrationDatabaseUrl } from '@v2v/database';
import { emptyChainHead, nextLedgerEntry } from '../../apps/traceability/src/ledger/ledger-entry';
import { LedgerRepository } from '../../apps/traceability/src/ledger/ledger.repository';
import { traceabilityDataSourceOptions } from '../../apps/traceability/src/traceability.data-source';
import { VerifyLedgerUseCase } from '../../apps/traceability/src/usecases/verify-ledger.usecase';
import { LedgerBenchRepository } from './ledger-bench.repository';

/**
 * `npm run bench:ledger` (PostgreSQL up: `npm start`, or `bash tools/infra/up.sh` after a test
 * run): issue 15's P5 and P6, each as a ratio against a floor measured in the same run, since
 * absolute times on this shared 2-core machine are noise.
 * - P5: hash-chained appends to CHAINS chains, CONCURRENCY at a time, each in its own
 *   transaction as the ledger consumer makes them, against plain INSERTs of rows of the same
 *   shape into a scratch copy of the table at the same concurrency. Goal ≥ 0.7×.
 * - P6: verifying the whole ledger (filled to P6_ENTRIES first if it holds fewer), against the
 *   lower of a sha256 over every stored entry (Node's fastest, the one-shot `crypto.hash` the
 *   ledger also uses) and a sequential scan reading them. Goal ≥ 0.5×.
 * The appended chains (`BENCH-…`) stay in the local ledger: it is append-only by design.
 */
const CHAINS = Number(process.env.CHAINS ?? 64);
const EVENTS_PER_CHAIN = Number(process.env.EVENTS_PER_CHAIN ?? 8);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.ROUNDS ?? (process.env.SMOKE ? 1 : 3));
/** P6 verifies at least this many entries: a dev ledger of a few thousand measures a cold JIT. */
const P6_ENTRIES = Number(process.env.P6_ENTRIES ?? (process.env.SMOKE ? 1_000 : 20_000));
const P6_EVENTS_PER_CHAIN = 10;

async function main(): Promise<void> {
  const service = await connect(databaseUrl());
  const owner = await connect(migrationDatabaseUrl());
  const bench = new LedgerBenchRepository(owner);
  const ledger = new LedgerRepository(service);
  try {
    await bench.createScratchTable();
    const operations = CHAINS * EVENTS_PER_CHAIN;
    console.log(`P5: ${operations} appends over ${CHAINS} chains, ${CONCURRENCY} at a time`);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const floor = await rate(operations, plainInserts(bench, operations));
      const chained = await rate(operations, chainedAppends(service, ledger, round));
      ratios.push(chained / floor);
      console.log(
        `  round ${round}: plain INSERT ${floor.toFixed(0)}/s, ledger append ${chained.toFixed(0)}/s, ratio ${(chained / floor).toFixed(2)}×`,
      );
    }
    console.log(`  P5 ratio (mean of ${ROUNDS}): ${mean(ratios).toFixed(2)}× (goal ≥ 0.7×)`);

    const filled = await fillLedgerTo(service, ledger, await bench.ledgerEntries());
    if (filled > 0)
      console.log(`P6: ${filled} entries appended first, for a ledger of ${P6_ENTRIES}`);
    const p6: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const scanStarted = performance.now();
      const scanned = await bench.scanLedger();
      const scanRate = scanned.entries / seconds(scanStarted);
      const hashStarted = performance.now();
      for (const content of scanned.contents) hash('sha256', content, 'hex');
      const hashRate = scanned.entries / seconds(hashStarted);
      const verifyStarted = performance.now();
      const verification = await new VerifyLedgerUseCase(ledger).execute();
      const verifyRate = verification.entriesChecked / seconds(verifyStarted);
      const floor = Math.min(scanRate, hashRate);
      p6.push(verifyRate / floor);
      console.log(
        `P6 round ${round}: ${scanned.entries} entries (${(scanned.bytes / 1e6).toFixed(1)} MB) in ${verification.chainsChecked} chains, valid ${verification.valid}; sequential scan ${scanRate.toFixed(0)}/s, sha256 ${hashRate.toFixed(0)}/s, verify ${verifyRate.toFixed(0)}/s, ratio ${(verifyRate / floor).toFixed(2)}×`,
      );
    }
    console.log(
      `  P6 ratio against the lower floor (median of ${ROUNDS}): ${median(p6).toFixed(2)}× (goal ≥ 0.5×)`,
    );
  } finally {
    await bench.dropScratch();
    await service.destroy();
    await owner.destroy();
  }
}

async function connect(url: string): Promise<DataSource> {
  return new DataSource({
    ...traceabilityDataSourceOptions(),
    url,
    migrations: [],
    extra: { max: CONCURRENCY + 2 },
  } as DataSourceOptions).initialize();
}

/** Runs `jobs` with at most CONCURRENCY in flight and answers operations per second. */
async function rate(operations: number, jobs: Array<() => Promise<unknown>>): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return operations / seconds(started);
}

function plainInserts(bench: LedgerBenchRepository, operations: number) {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: operations }, (_, i) => {
    const chainId = `FLOOR-${run}-${i}`;
    const entry = nextLedgerEntry(emptyChainHead(chainId), envelope(chainId));
    const row = [
      entry.chainId,
      entry.seq,
      entry.eventId,
      entry.messageType,
      entry.occurredAt,
      entry.producer,
      entry.canonicalContent,
      entry.contentHash,
      entry.prevHash,
      entry.entryHash,
    ];
    return () => bench.insertPlain(row);
  });
}

/** Events interleaved across chains, so concurrent appends mostly hit different chains. */
function chainedAppends(service: DataSource, ledger: LedgerRepository, round: number) {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: CHAINS * EVENTS_PER_CHAIN }, (_, i) => {
    const chainId = `BENCH-${run}-${round}-${i % CHAINS}`;
    return () => service.transaction((m) => ledger.append(m, chainId, envelope(chainId)));
  });
}

/** Appends chains of P6_EVENTS_PER_CHAIN until the ledger holds P6_ENTRIES; returns how many. */
async function fillLedgerTo(service: DataSource, ledger: LedgerRepository, held: number) {
  const missing = Math.max(0, P6_ENTRIES - held);
  const run = randomUUID().slice(0, 8);
  const appends = Array.from({ length: missing }, (_, i) => {
    const chainId = `BENCH-P6-${run}-${Math.floor(i / P6_EVENTS_PER_CHAIN)}`;
    return () => service.transaction((m) => ledger.append(m, chainId, envelope(chainId)));
  });
  // Each chain's entries in order: one worker per chain's turn would interleave its seqs.
  const chains = Array.from(
    { length: Math.ceil(missing / P6_EVENTS_PER_CHAIN) },
    (_, c) => async () => {
      for (const append of appends.slice(c * P6_EVENTS_PER_CHAIN, (c + 1) * P6_EVENTS_PER_CHAIN))
        await append();
    },
  );
  await rate(missing, chains);
  return missing;
}

function envelope(chainId: string): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'donor',
    aggregateId: chainId,
    messageType: 'bench.appended.v1',
    occurredAt: new Date().toISOString(),
    payload: { summary: 'benchmark entry', temperatureC: 4.2, operator: 'bench' },
    metadata: { producer: 'bench', journeyId: `journey-${chainId}` },
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
