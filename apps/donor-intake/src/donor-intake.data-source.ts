import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@v2v/database';
import { CreateDonorIntake1764028800000 } from './migrations/1764028800000-CreateDonorIntake';
import { CreateAuditTrail1764115200000 } from './migrations/1764115200000-CreateAuditTrail';
import { AddRetentionGuards1764115600000 } from './migrations/1764115600000-AddRetentionGuards';
import { GrantServiceRole1764115800000 } from './migrations/1764115800000-GrantServiceRole';
import { CreateQualifiedShippers1764116000000 } from './migrations/1764116000000-CreateQualifiedShippers';
import { CreateDonorMaterialControls1764116400000 } from './migrations/1764116400000-CreateDonorMaterialControls';
import { CreateInstitutionQualification1764117200000 } from './migrations/1764117200000-CreateInstitutionQualification';
import { CreateShipperQualificationDecisions1764117300000 } from './migrations/1764117300000-CreateShipperQualificationDecisions';
import { CreateRefusalRecords1764910000010 } from './migrations/1764910000010-CreateRefusalRecords';
import { CreateElectronicSignatures1764920000000 } from './migrations/1764920000000-CreateElectronicSignatures';
import { MakeStepRecordsAppendOnly1764930000000 } from './migrations/1764930000000-MakeStepRecordsAppendOnly';
import { KeyStepRecordsByJourneyStep1765000400000 } from './migrations/1765000400000-KeyStepRecordsByJourneyStep';
import { SetAsideUnappliedMessages1765000500000 } from './migrations/1765000500000-SetAsideUnappliedMessages';
import { GuardAuditChainHeads1765000700000 } from './migrations/1765000700000-GuardAuditChainHeads';
import { BindLoggersToCustodyLegs1765001300000 } from './migrations/1765001300000-BindLoggersToCustodyLegs';
import { CreateDonorMaterialTests1765001500000 } from './migrations/1765001500000-CreateDonorMaterialTests';
import { CreateInstitutionNotifications1765001700000 } from './migrations/1765001700000-CreateInstitutionNotifications';
import { CreateNotificationAcknowledgements1765001710000 } from './migrations/1765001710000-CreateNotificationAcknowledgements';
import { AddSiteCustodyLegs1765002100000 } from './migrations/1765002100000-AddSiteCustodyLegs';
import { AllowInstitutionWideNotifications1765002310000 } from './migrations/1765002310000-AllowInstitutionWideNotifications';
import { CarryTraceContextInOutbox1765002510000 } from './migrations/1765002510000-CarryTraceContextInOutbox';
import { OrderOutboxBatchIndex1765002520000 } from './migrations/1765002520000-OrderOutboxBatchIndex';
import { RecordDeviationClosureEventIds1765002530000 } from './migrations/1765002530000-RecordDeviationClosureEventIds';
import { RecordDonorMaterialResultEventIds1765002540000 } from './migrations/1765002540000-RecordDonorMaterialResultEventIds';

export const DONOR_INTAKE_SCHEMA = 'donor_intake';
export const DONOR_INTAKE_MIGRATIONS = [
  CreateDonorIntake1764028800000,
  CreateAuditTrail1764115200000,
  AddRetentionGuards1764115600000,
  GrantServiceRole1764115800000,
  CreateQualifiedShippers1764116000000,
  CreateDonorMaterialControls1764116400000,
  CreateInstitutionQualification1764117200000,
  CreateShipperQualificationDecisions1764117300000,
  CreateRefusalRecords1764910000010,
  CreateElectronicSignatures1764920000000,
  MakeStepRecordsAppendOnly1764930000000,
  KeyStepRecordsByJourneyStep1765000400000,
  SetAsideUnappliedMessages1765000500000,
  GuardAuditChainHeads1765000700000,
  BindLoggersToCustodyLegs1765001300000,
  CreateDonorMaterialTests1765001500000,
  CreateInstitutionNotifications1765001700000,
  CreateNotificationAcknowledgements1765001710000,
  AddSiteCustodyLegs1765002100000,
  AllowInstitutionWideNotifications1765002310000,
  CarryTraceContextInOutbox1765002510000,
  OrderOutboxBatchIndex1765002520000,
  RecordDeviationClosureEventIds1765002530000,
  RecordDonorMaterialResultEventIds1765002540000,
];

/**
 * The service data source; DATABASE_URL from `env` (the app config at boot), else the process env.
 */
export function donorIntakeDataSourceOptions(env?: NodeJS.ProcessEnv): DataSourceOptions {
  return serviceDataSourceOptions({
    env,
    schema: DONOR_INTAKE_SCHEMA,
    entities: [],
    migrations: DONOR_INTAKE_MIGRATIONS,
  });
}
