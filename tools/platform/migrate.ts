import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrateServiceSchema, migrationDatabaseUrl } from '@v2v/database';
import { createKafka, ensureTopics } from '@v2v/messaging';
import { donorIntakeDataSourceOptions } from '../../apps/donor-intake/src/donor-intake.data-source';
import { gatewayDataSourceOptions } from '../../apps/gateway/src/gateway.data-source';
import { productionDataSourceOptions } from '../../apps/production/src/production.data-source';
import { releaseDataSourceOptions } from '../../apps/release/src/release.data-source';
import { traceabilityDataSourceOptions } from '../../apps/traceability/src/traceability.data-source';

const SERVICES: Array<[string, () => DataSourceOptions]> = [
  ['gateway', gatewayDataSourceOptions],
  ['donor-intake', donorIntakeDataSourceOptions],
  ['production', productionDataSourceOptions],
  ['release', releaseDataSourceOptions],
  ['traceability', traceabilityDataSourceOptions],
];

/**
 * Brings every service's schema to its latest migration and creates the Kafka topics.
 * Each service migrates only its own schema; this script just runs them all in turn.
 */
export async function migratePlatform(log: (line: string) => void = console.log): Promise<void> {
  for (const [service, options] of SERVICES) {
    // Migrations run as the schema owner; the services connect with their own, lesser role.
    const dataSource = new DataSource({
      ...options(),
      url: migrationDatabaseUrl(),
    } as DataSourceOptions);
    try {
      const applied = await migrateServiceSchema(dataSource);
      log(`migrate: ${service}: ${applied.length ? applied.join(', ') : 'up to date'}`);
    } finally {
      await dataSource.destroy();
    }
  }
  const created = await ensureTopics(createKafka('v2v-migrate'));
  log(`migrate: kafka topics ${created.length ? `created ${created.join(', ')}` : 'up to date'}`);
}

if (require.main === module) {
  migratePlatform().catch((error) => {
    console.error(`migrate failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
