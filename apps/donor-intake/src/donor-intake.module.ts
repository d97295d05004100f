import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TASK_QUEUES } from '@v2v/contracts';
import { asTemporalActivities } from '@v2v/temporal';
import { AuditReader } from '@v2v/audit';
import { StepRecordReader } from '@v2v/messaging';
import {
  activityWorkerProcess,
  AuditController,
  StepRecordsController,
  BackgroundProcesses,
  HealthController,
  outboxRelayProcess,
  serviceLoggerModule,
} from '@v2v/service-kit';
import { createDonorIntakeActivities } from './custody/donor-intake.activities';
import { DONOR_INTAKE_SCHEMA, donorIntakeDataSourceOptions } from './donor-intake.data-source';
import { DonorRepository } from './donors/donor.repository';
import { DonorsController } from './donors/donors.controller';
import { DeleteDonorUseCase } from './donors/usecases/delete-donor.usecase';
import { RegisterDonorUseCase } from './donors/usecases/register-donor.usecase';
import { InstitutionRepository } from './institutions/institution.repository';
import { InstitutionsController } from './institutions/institutions.controller';

@Module({
  imports: [
    serviceLoggerModule('donor-intake'),
    TypeOrmModule.forRootAsync({ useFactory: donorIntakeDataSourceOptions }),
    TerminusModule,
  ],
  controllers: [AuditController, StepRecordsController, DonorsController, InstitutionsController, HealthController],
  providers: [
    {
      provide: StepRecordReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new StepRecordReader(dataSource, DONOR_INTAKE_SCHEMA),
    },
    {
      provide: AuditReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new AuditReader(dataSource, DONOR_INTAKE_SCHEMA, 'donor-intake'),
    },
    DonorRepository,
    InstitutionRepository,
    RegisterDonorUseCase,
    DeleteDonorUseCase,
    {
      provide: BackgroundProcesses,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new BackgroundProcesses([
          outboxRelayProcess(dataSource, DONOR_INTAKE_SCHEMA, 'donor-intake'),
          activityWorkerProcess(
            TASK_QUEUES.donorIntake,
            asTemporalActivities(createDonorIntakeActivities(dataSource)),
          ),
        ]),
    },
  ],
})
export class DonorIntakeModule {}
