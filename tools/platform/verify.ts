import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AuditReader } from '@v2v/audit';
import { donorIntakeDataSourceOptions } from '../../apps/donor-intake/src/donor-intake.data-source';
import { gatewayDataSourceOptions } from '../../apps/gateway/src/gateway.data-source';
import { productionDataSourceOptions } from '../../apps/production/src/production.data-source';
import { releaseDataSourceOptions } from '../../apps/release/src/release.data-source';
import { LedgerRepository } from '../../apps/traceability/src/ledger/ledger.repository';
import { traceabilityDataSourceOptions } from '../../apps/traceability/src/traceability.data-source';
import { VerifyLedgerUseCase } from '../../apps/traceability/src/usecases/verify-ledger.usecase';

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
 * and names the first broken entry. Exit code 1 when anything is broken.
 */
async function main(): Promise<void> {
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
  });
  for (const [service, schema, options] of AUDITED) {
    await withDataSource(options(), async (ds) => {
      const audit = await new AuditReader(ds, schema, service).verify();
      report(`${service} audit trail`, audit, audit.headsHash);
    });
  }
  process.exitCode = allValid ? 0 : 1;
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
