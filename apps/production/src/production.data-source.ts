import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@v2v/database';
import { CreateProduction1764028800000 } from './migrations/1764028800000-CreateProduction';
import { CreateAuditTrail1764115200000 } from './migrations/1764115200000-CreateAuditTrail';
import { AddRetentionGuards1764115600000 } from './migrations/1764115600000-AddRetentionGuards';
import { GrantServiceRole1764115800000 } from './migrations/1764115800000-GrantServiceRole';
import { PublishableProductSpecifications1764116300000 } from './migrations/1764116300000-PublishableProductSpecifications';
import { CreateKeyMaterials1764117000000 } from './migrations/1764117000000-CreateKeyMaterials';
import { SeedKeyMaterials1764117100000 } from './migrations/1764117100000-SeedKeyMaterials';
import { CreateRefusalRecords1764910000020 } from './migrations/1764910000020-CreateRefusalRecords';
import { CreateElectronicSignatures1764920000000 } from './migrations/1764920000000-CreateElectronicSignatures';
import { MakeStepRecordsAppendOnly1764930000000 } from './migrations/1764930000000-MakeStepRecordsAppendOnly';
import { CreateFacility1765000000000 } from './migrations/1765000000000-CreateFacility';
import { CreateMediaFills1765000100000 } from './migrations/1765000100000-CreateMediaFills';
import { CreateProcessesAndCalendar1765000200000 } from './migrations/1765000200000-CreateProcessesAndCalendar';
import { CreateEnvironmentalMonitoring1765000300000 } from './migrations/1765000300000-CreateEnvironmentalMonitoring';
import { KeyStepRecordsByJourneyStep1765000410000 } from './migrations/1765000410000-KeyStepRecordsByJourneyStep';
import { SetAsideUnappliedMessages1765000510000 } from './migrations/1765000510000-SetAsideUnappliedMessages';
import { CreateBatchRecord1765000600000 } from './migrations/1765000600000-CreateBatchRecord';
import { GuardAuditChainHeads1765000710000 } from './migrations/1765000710000-GuardAuditChainHeads';
import { CreateManufacturingSlots1765000800000 } from './migrations/1765000800000-CreateManufacturingSlots';
import { CreateFailedBatchRecords1765000820000 } from './migrations/1765000820000-CreateFailedBatchRecords';
import { RaiseEmDeviationsOnJourneys1765000840000 } from './migrations/1765000840000-RaiseEmDeviationsOnJourneys';
import { CreateEmDeviationClosures1765000850000 } from './migrations/1765000850000-CreateEmDeviationClosures';
import { CreateBatchRecordReviews1765000920000 } from './migrations/1765000920000-CreateBatchRecordReviews';
import { GuardBatchChanges1765000940000 } from './migrations/1765000940000-GuardBatchChanges';
import { CreateBatchDeviationClosures1765001200000 } from './migrations/1765001200000-CreateBatchDeviationClosures';
import { CreateRecalls1765002000000 } from './migrations/1765002000000-CreateRecalls';
import { CarryTraceContextInOutbox1765002511000 } from './migrations/1765002511000-CarryTraceContextInOutbox';
import { OrderOutboxBatchIndex1765002521000 } from './migrations/1765002521000-OrderOutboxBatchIndex';
import { RecordDeviationClosureEventIds1765002531000 } from './migrations/1765002531000-RecordDeviationClosureEventIds';

export const PRODUCTION_SCHEMA = 'production';
export const PRODUCTION_MIGRATIONS = [
  CreateProduction1764028800000,
  CreateAuditTrail1764115200000,
  AddRetentionGuards1764115600000,
  GrantServiceRole1764115800000,
  PublishableProductSpecifications1764116300000,
  CreateKeyMaterials1764117000000,
  SeedKeyMaterials1764117100000,
  CreateRefusalRecords1764910000020,
  CreateElectronicSignatures1764920000000,
  MakeStepRecordsAppendOnly1764930000000,
  CreateFacility1765000000000,
  CreateMediaFills1765000100000,
  CreateProcessesAndCalendar1765000200000,
  CreateEnvironmentalMonitoring1765000300000,
  KeyStepRecordsByJourneyStep1765000410000,
  SetAsideUnappliedMessages1765000510000,
  CreateBatchRecord1765000600000,
  GuardAuditChainHeads1765000710000,
  CreateManufacturingSlots1765000800000,
  CreateFailedBatchRecords1765000820000,
  RaiseEmDeviationsOnJourneys1765000840000,
  CreateEmDeviationClosures1765000850000,
  CreateBatchRecordReviews1765000920000,
  GuardBatchChanges1765000940000,
  CreateBatchDeviationClosures1765001200000,
  CreateRecalls1765002000000,
  CarryTraceContextInOutbox1765002511000,
  OrderOutboxBatchIndex1765002521000,
  RecordDeviationClosureEventIds1765002531000,
];

/**
 * The service data source; DATABASE_URL from `env` (the app config at boot), else the process env.
 */
export function productionDataSourceOptions(env?: NodeJS.ProcessEnv): DataSourceOptions {
  return serviceDataSourceOptions({
    env,
    schema: PRODUCTION_SCHEMA,
    entities: [],
    migrations: PRODUCTION_MIGRATIONS,
  });
}
