import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ALL_TOPICS } from '@v2v/contracts';
import {
  BackgroundProcesses,
  HealthController,
  inboxConsumerProcess,
  envOf,
  OPTIONAL_SERVICE_CONFIG,
  ServiceConfig,
  serviceLoggerModule,
  SetAsideMessagesController,
  setAsideMessagesProvider,
} from '@v2v/service-kit';
import { LedgerController } from './ledger/ledger.controller';
import { LedgerRepository } from './ledger/ledger.repository';
import { recordCustodyEvent } from './ledger/record-custody-event';
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
  ],
  controllers: [LedgerController, SetAsideMessagesController, HealthController],
  providers: [
    LedgerRepository,
    setAsideMessagesProvider(TRACEABILITY_SCHEMA),
    TraceByDonorCodeUseCase,
    TraceByPatientReferenceUseCase,
    VerifyLedgerUseCase,
    {
      provide: BackgroundProcesses,
      inject: [ServiceConfig, DataSource, LedgerRepository],
      useFactory: (config: ServiceConfig, dataSource: DataSource, ledger: LedgerRepository) =>
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
          ],
          { enabled: config.backgroundProcesses },
        ),
    },
  ],
})
export class TraceabilityModule {}
