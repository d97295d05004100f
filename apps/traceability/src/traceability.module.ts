import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ALL_TOPICS, TASK_QUEUES } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import {
  activityWorkerProcess,
  BackgroundProcesses,
  HealthController,
  inboxConsumerProcess,
  envOf,
  OPTIONAL_SERVICE_CONFIG,
  ServiceConfig,
  serviceLoggerModule,
  ServicePortsModule,
  SetAsideMessagesController,
  setAsideMessagesProvider,
} from '@v2v/service-kit';
import { CheckpointConfig } from './checkpoints/checkpoint-config';
import { ledgerCheckpointProcess } from './checkpoints/checkpoint-process';
import { CHECKPOINT_PROVIDERS } from './checkpoints/checkpoints.providers';
import { CheckpointsController } from './checkpoints/checkpoints.controller';
import { TakeLedgerCheckpointUseCase } from './checkpoints/usecases/take-ledger-checkpoint.usecase';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerRepository } from './ledger/ledger.repository';
import { recordCustodyEvent } from './ledger/record-custody-event';
import { TraceabilityActivityAdapter } from './release-gates/traceability.activities';
import { LedgerChainReleaseGatesUseCase } from './release-gates/usecases/ledger-chain-release-gates.usecase';
import { TRACEABILITY_SCHEMA, traceabilityDataSourceOptions } from './traceability.data-source';
import { TraceByDonorCodeUseCase } from './usecases/trace-by-donor-code.usecase';
import { TraceByPatientReferenceUseCase } from './usecases/trace-by-patient-reference.usecase';
import { VerifyLedgerUseCase } from './usecases/verify-ledger.usecase';

export const LEDGER_CONSUMER_GROUP = 'traceability-ledger';

@Module({
  imports: [
    serviceLoggerModule('traceability'),
    TypeOrmModule.forRootAsync({
      inject: [OPTIONAL_SERVICE_CONFIG],
      useFactory: (config?: ServiceConfig) => traceabilityDataSourceOptions(envOf(config)),
    }),
    TerminusModule,
    ServicePortsModule,
  ],
  controllers: [
    LedgerController,
    CheckpointsController,
    SetAsideMessagesController,
    HealthController,
  ],
  providers: [
    LedgerRepository,
    setAsideMessagesProvider(TRACEABILITY_SCHEMA),
    TraceByDonorCodeUseCase,
    TraceByPatientReferenceUseCase,
    VerifyLedgerUseCase,
    ...CHECKPOINT_PROVIDERS,
    LedgerChainReleaseGatesUseCase,
    TraceabilityActivityAdapter,
    {
      provide: RefusalRecordRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) =>
        new RefusalRecordRepository(ds, TRACEABILITY_SCHEMA, 'traceability'),
    },
    {
      provide: BackgroundProcesses,
      inject: [
        ServiceConfig,
        DataSource,
        LedgerRepository,
        TakeLedgerCheckpointUseCase,
        CheckpointConfig,
        TraceabilityActivityAdapter,
        RefusalRecordRepository,
      ],
      useFactory: (
        config: ServiceConfig,
        dataSource: DataSource,
        ledger: LedgerRepository,
        takeCheckpoint: TakeLedgerCheckpointUseCase,
        checkpoints: CheckpointConfig,
        gates: TraceabilityActivityAdapter,
        refusals: RefusalRecordRepository,
      ) =>
        new BackgroundProcesses(
          [
            inboxConsumerProcess({
              dataSource,
              schema: TRACEABILITY_SCHEMA,
              groupId: LEDGER_CONSUMER_GROUP,
              topics: [...ALL_TOPICS],
              handler: recordCustodyEvent(ledger),
              env: config.env,
            }),
            ledgerCheckpointProcess(takeCheckpoint, checkpoints),
            // QA-02.4: the release child asks the ledger's gate on the traceability queue.
            activityWorkerProcess(
              TASK_QUEUES.traceability,
              gates.activities(),
              refusals,
              config.env,
            ),
          ],
          { enabled: config.backgroundProcesses },
        ),
    },
  ],
})
export class TraceabilityModule {}
