import { DataSource, DataSourceOptions } from 'typeorm';
import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { databaseUrl, migrateServiceSchema, migrationDatabaseUrl } from '@v2v/database';
import { traceabilityDataSourceOptions } from '../../traceability.data-source';

/**
 * Real PostgreSQL, the traceability schema as migrated: `owner` has the schema owner's rights
 * (the tamperer who can switch triggers off), `service` is the services' role. Expected
 * refusals are not logged.
 */
export async function ledgerDatabases(): Promise<{ owner: DataSource; service: DataSource }> {
  const connect = (url: string) =>
    new DataSource({
      ...traceabilityDataSourceOptions(),
      url,
      logging: false,
    } as DataSourceOptions).initialize();
  const owner = await connect(migrationDatabaseUrl());
  await migrateServiceSchema(owner);
  return { owner, service: await connect(databaseUrl()) };
}

/** A fresh donor code of `facility`, so each test has chains of its own. */
export const newChainDonorCode = (facility: string) =>
  formatDonorCode(
    generateDonorUniqueCode({
      facility,
      year: 2026,
      sequence: 1 + Math.floor(Math.random() * 999_998),
    }),
  );
