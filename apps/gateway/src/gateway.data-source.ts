import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@v2v/database';
import { CreateUsers1764028800000 } from './migrations/1764028800000-CreateUsers';
import { CreateAccessRefusals1764115200000 } from './migrations/1764115200000-CreateAccessRefusals';
import { CreateTrainingMatrix1764115400000 } from './migrations/1764115400000-CreateTrainingMatrix';
import { CreateIdempotencyRecords1764115500000 } from './migrations/1764115500000-CreateIdempotencyRecords';
import { CreateElectronicSignatures1764115700000 } from './migrations/1764115700000-CreateElectronicSignatures';
import { GrantServiceRole1764115800000 } from './migrations/1764115800000-GrantServiceRole';
import { CreateAuditTrail1764115900000 } from './migrations/1764115900000-CreateAuditTrail';
import { SignRecordDecisions1764116200000 } from './migrations/1764116200000-SignRecordDecisions';
import { CreateTelemetryIntake1764116600000 } from './migrations/1764116600000-CreateTelemetryIntake';
import { ForcePasswordChange1764900000001 } from './migrations/1764900000001-ForcePasswordChange';
import { CreatePasswordAttempts1764900000002 } from './migrations/1764900000002-CreatePasswordAttempts';
import { WithdrawTrainingRecords1764900000003 } from './migrations/1764900000003-WithdrawTrainingRecords';
import { AddRefusalCodeAndDonorCode1764910000040 } from './migrations/1764910000040-AddRefusalCodeAndDonorCode';
import { ScopeIdempotencyRecords1764920000000 } from './migrations/1764920000000-ScopeIdempotencyRecords';
import { AddProductionManagerRole1765000000000 } from './migrations/1765000000000-AddProductionManagerRole';
import { SetAsideUnappliedMessages1765000540000 } from './migrations/1765000540000-SetAsideUnappliedMessages';
import { GuardAuditChainHeads1765000740000 } from './migrations/1765000740000-GuardAuditChainHeads';
import { DisableLegacySeededAccounts1765001400000 } from './migrations/1765001400000-DisableLegacySeededAccounts';
import { AddTrainingAssessments1765002300000 } from './migrations/1765002300000-AddTrainingAssessments';
import { CarryTraceContextInOutbox1765002513000 } from './migrations/1765002513000-CarryTraceContextInOutbox';
import { OrderOutboxBatchIndex1765002523000 } from './migrations/1765002523000-OrderOutboxBatchIndex';

export const GATEWAY_SCHEMA = 'gateway';
export const GATEWAY_MIGRATIONS = [
  CreateUsers1764028800000,
  CreateAccessRefusals1764115200000,
  CreateTrainingMatrix1764115400000,
  CreateIdempotencyRecords1764115500000,
  CreateElectronicSignatures1764115700000,
  GrantServiceRole1764115800000,
  CreateAuditTrail1764115900000,
  SignRecordDecisions1764116200000,
  CreateTelemetryIntake1764116600000,
  ForcePasswordChange1764900000001,
  CreatePasswordAttempts1764900000002,
  WithdrawTrainingRecords1764900000003,
  AddRefusalCodeAndDonorCode1764910000040,
  ScopeIdempotencyRecords1764920000000,
  AddProductionManagerRole1765000000000,
  SetAsideUnappliedMessages1765000540000,
  GuardAuditChainHeads1765000740000,
  DisableLegacySeededAccounts1765001400000,
  AddTrainingAssessments1765002300000,
  CarryTraceContextInOutbox1765002513000,
  OrderOutboxBatchIndex1765002523000,
];

export function gatewayDataSourceOptions(): DataSourceOptions {
  return serviceDataSourceOptions({
    schema: GATEWAY_SCHEMA,
    entities: [],
    migrations: GATEWAY_MIGRATIONS,
  });
}
