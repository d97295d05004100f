import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditReader } from '@v2v/audit';
import { checkpointSigningPublicKey, hasValidCheckpointSignature } from '@v2v/integrity';
import { donorIntakeDataSourceOptions } from '../../apps/donor-intake/src/donor-intake.data-source';
import { gatewayDataSourceOptions } from '../../apps/gateway/src/gateway.data-source';
import { productionDataSourceOptions } from '../../apps/production/src/production.data-source';
import { releaseDataSourceOptions } from '../../apps/release/src/release.data-source';
import { CheckpointRepository } from '../../apps/traceability/src/checkpoints/checkpoint.repository';
import { readCheckpointConfig } from '../../apps/traceability/src/checkpoints/checkpoint-config';
import { latestCheckpointFile } from '../../apps/traceability/src/checkpoints/checkpoint-files';
import { CheckLedgerAgainstCheckpointUseCase } from '../../apps/traceability/src/checkpoints/usecases/check-ledger-against-checkpoint.usecase';
import { LedgerRepository } from '../../apps/traceability/src/ledger/ledger.repository';
import { traceabilityDataSourceOptions } from '../../apps/traceability/src/traceability.data-source';
import { VerifyLedgerUseCase } from '../../apps/traceability/src/usecases/verify-ledger.usecase';
import { parseVerifyArgs } from './verify-args';
import { verifyExportFile } from './verify-offline';

const AUDITED: Array<[string, string, () => DataSourceOptions]> = [
  ['donor-intake', 'donor_intake', donorIntakeDataSourceOptions],
  ['production', 'production', productionDataSourceOptions],
  ['release', 'release', releaseDataSourceOptions],
  ['gateway', 'gateway', gatewayDataSourceOptions],
];

interface Outcome {
  valid: boolean;
  entriesChecked: number;
  firstBroken?: { chainId: string; seq: number; reason: string };
}

/**
 * `npm run verify`: recomputes the traceability ledger and every service's audit trail
 * straight from the database, prints the head hashes an inspector compares with an export,
 * and names the first broken entry; then checks the ledger against the latest signed checkpoint
 * in CHECKPOINT_DIR, which catches a chain rewritten whole. `npm run verify -- --offline
 * <export.json>` checks one export with no database. Exit code 1 when anything is broken.
 */
async function main(): Promise<void> {
  const request = parseVerifyArgs(process.argv.slice(2));
  if (request.mode === 'offline') {
    const { findings, summary } = verifyExportFile(request.exportFile, request.publicKeyFile);
    for (const line of [...findings, summary]) console.log(line);
    process.exitCode = findings.length === 0 ? 0 : 1;
    return;
  }
  let allValid = true;
  const report = (name: string, outcome: Outcome, head: string) => {
    allValid &&= outcome.valid;
    const broken = outcome.firstBroken
      ? ` — first broken: chain ${outcome.firstBroken.chainId} entry ${outcome.firstBroken.seq} (${outcome.firstBroken.reason})`
      : '';
    console.log(
      `${outcome.valid ? 'intact ' : 'BROKEN '} ${name.padEnd(24)} ${String(outcome.entriesChecked).padStart(6)} entries  head ${head}${broken}`,
    );
  };

  await withDataSource(traceabilityDataSourceOptions(), async (ds) => {
    const ledger = await new VerifyLedgerUseCase(new LedgerRepository(ds)).execute();
    report('traceability ledger', ledger, ledger.ledgerHeadHash);
    allValid &&= await checkLatestCheckpoint(ds);
  });
  for (const [service, schema, options] of AUDITED) {
    await withDataSource(options(), async (ds) => {
      const audit = await new AuditReader(ds, schema, service).verify();
      report(`${service} audit trail`, audit, audit.headsHash);
    });
  }
  process.exitCode = allValid ? 0 : 1;
}

/** The ledger against the latest checkpoint file, if any: one line per rewritten chain. */
async function checkLatestCheckpoint(ds: DataSource): Promise<boolean> {
  const latest = await latestCheckpointFile(readCheckpointConfig(process.env).directory);
  if (!latest) {
    console.log('no checkpoint file in CHECKPOINT_DIR: the ledger was not checked against one');
    return true;
  }
  const { path, checkpoint } = latest;
  if (!hasValidCheckpointSignature(checkpoint, checkpointSigningPublicKey(process.env))) {
    console.log(`BROKEN  checkpoint ${path}: CHECKPOINT_SIGNATURE_INVALID`);
    return false;
  }
  const ledger = new LedgerRepository(ds);
  const findings = await new CheckLedgerAgainstCheckpointUseCase(
    ledger,
    new CheckpointRepository(ds),
  ).execute(checkpoint);
  for (const f of findings)
    console.log(`BROKEN  chain ${f.chainId} entry ${f.seq}: ${f.reason} (checkpoint ${path})`);
  if (findings.length === 0)
    console.log(`intact  ${checkpoint.heads.length} chains as at checkpoint ${checkpoint.takenAt}`);
  return findings.length === 0;
}

async function withDataSource(options: DataSourceOptions, use: (ds: DataSource) => Promise<void>) {
  const ds = await new DataSource(options).initialize();
  try {
    await use(ds);
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(`verify failed: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
