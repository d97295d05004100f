import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@v2v/database';
import { CreateLedger1764028800000 } from './migrations/1764028800000-CreateLedger';
import { GrantServiceRole1764115800000 } from './migrations/1764115800000-GrantServiceRole';
import { SetAsideUnappliedMessages1765000530000 } from './migrations/1765000530000-SetAsideUnappliedMessages';
import { GuardLedgerChainHeads1765000730000 } from './migrations/1765000730000-GuardLedgerChainHeads';
import { CreateRefusalRecords1765001200000 } from './migrations/1765001200000-CreateRefusalRecords';

export const TRACEABILITY_SCHEMA = 'traceability';
export const TRACEABILITY_MIGRATIONS = [
  CreateLedger1764028800000,
  GrantServiceRole1764115800000,
  SetAsideUnappliedMessages1765000530000,
  GuardLedgerChainHeads1765000730000,
  CreateRefusalRecords1765001200000,
];

/**
 * The service data source; DATABASE_URL from `env` (the app config at boot), else the process env.
 */
export function traceabilityDataSourceOptions(env?: NodeJS.ProcessEnv): DataSourceOptions {
  return serviceDataSourceOptions({
    env,
    schema: TRACEABILITY_SCHEMA,
    entities: [],
    migrations: TRACEABILITY_MIGRATIONS,
  });
}
