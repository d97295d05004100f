import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@v2v/database';
import { CreateRelease1764028800000 } from './migrations/1764028800000-CreateRelease';
import { CreateAuditTrail1764115200000 } from './migrations/1764115200000-CreateAuditTrail';
import { AddRetentionGuards1764115600000 } from './migrations/1764115600000-AddRetentionGuards';
import { GrantServiceRole1764115800000 } from './migrations/1764115800000-GrantServiceRole';
import { CreateQualifiedShippers1764116000000 } from './migrations/1764116000000-CreateQualifiedShippers';
import { CreateShipperQualificationDecisions1764117300000 } from './migrations/1764117300000-CreateShipperQualificationDecisions';
import { CreateRefusalRecords1764910000030 } from './migrations/1764910000030-CreateRefusalRecords';
import { CreateElectronicSignatures1764920000000 } from './migrations/1764920000000-CreateElectronicSignatures';
import { MakeStepRecordsAppendOnly1764930000000 } from './migrations/1764930000000-MakeStepRecordsAppendOnly';
import { KeyStepRecordsByJourneyStep1765000420000 } from './migrations/1765000420000-KeyStepRecordsByJourneyStep';
import { SetAsideUnappliedMessages1765000520000 } from './migrations/1765000520000-SetAsideUnappliedMessages';
import { GuardAuditChainHeads1765000720000 } from './migrations/1765000720000-GuardAuditChainHeads';
import { CreateSampleRegister1765000900000 } from './migrations/1765000900000-CreateSampleRegister';
import { MakeQcResultsAppendOnly1765000940000 } from './migrations/1765000940000-MakeQcResultsAppendOnly';
import { JudgeQcResults1765001000000 } from './migrations/1765001000000-JudgeQcResults';
import { CreateReleaseVoidings1765001100000 } from './migrations/1765001100000-CreateReleaseVoidings';
import { CreateInstructionsForUseRecords1765001600000 } from './migrations/1765001600000-CreateInstructionsForUseRecords';
import { CreateProductEmergencies1765001800000 } from './migrations/1765001800000-CreateProductEmergencies';
import { RecordBedsideMismatches1765001900000 } from './migrations/1765001900000-RecordBedsideMismatches';
import { CreateAdverseReactions1765001910000 } from './migrations/1765001910000-CreateAdverseReactions';
import { HoldRecalledProducts1765002020000 } from './migrations/1765002020000-HoldRecalledProducts';
import { RecordSiteEmergencies1765002400000 } from './migrations/1765002400000-RecordSiteEmergencies';
import { RecordEmergencyDecisions1765002401000 } from './migrations/1765002401000-RecordEmergencyDecisions';
import { RecordExcursionEmergencies1765002420000 } from './migrations/1765002420000-RecordExcursionEmergencies';
import { CarryTraceContextInOutbox1765002512000 } from './migrations/1765002512000-CarryTraceContextInOutbox';
import { OrderOutboxBatchIndex1765002522000 } from './migrations/1765002522000-OrderOutboxBatchIndex';
import { RecordDeviationClosureEventIds1765002532000 } from './migrations/1765002532000-RecordDeviationClosureEventIds';

export const RELEASE_SCHEMA = 'release';
export const RELEASE_MIGRATIONS = [
  CreateRelease1764028800000,
  CreateAuditTrail1764115200000,
  AddRetentionGuards1764115600000,
  GrantServiceRole1764115800000,
  CreateQualifiedShippers1764116000000,
  CreateShipperQualificationDecisions1764117300000,
  CreateRefusalRecords1764910000030,
  CreateElectronicSignatures1764920000000,
  MakeStepRecordsAppendOnly1764930000000,
  KeyStepRecordsByJourneyStep1765000420000,
  SetAsideUnappliedMessages1765000520000,
  GuardAuditChainHeads1765000720000,
  CreateSampleRegister1765000900000,
  MakeQcResultsAppendOnly1765000940000,
  JudgeQcResults1765001000000,
  CreateReleaseVoidings1765001100000,
  CreateInstructionsForUseRecords1765001600000,
  CreateProductEmergencies1765001800000,
  RecordBedsideMismatches1765001900000,
  CreateAdverseReactions1765001910000,
  HoldRecalledProducts1765002020000,
  RecordSiteEmergencies1765002400000,
  RecordEmergencyDecisions1765002401000,
  RecordExcursionEmergencies1765002420000,
  CarryTraceContextInOutbox1765002512000,
  OrderOutboxBatchIndex1765002522000,
  RecordDeviationClosureEventIds1765002532000,
];

/**
 * The service data source; DATABASE_URL from `env` (the app config at boot), else the process env.
 */
export function releaseDataSourceOptions(env?: NodeJS.ProcessEnv): DataSourceOptions {
  return serviceDataSourceOptions({
    env,
    schema: RELEASE_SCHEMA,
    entities: [],
    migrations: RELEASE_MIGRATIONS,
  });
}
