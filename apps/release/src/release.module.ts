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
import { createReleaseActivities } from './release/release.activities';
import { RELEASE_SCHEMA, releaseDataSourceOptions } from './release.data-source';

@Module({
  imports: [
    serviceLoggerModule('release'),
    TypeOrmModule.forRootAsync({ useFactory: releaseDataSourceOptions }),
    TerminusModule,
  ],
  controllers: [AuditController, StepRecordsController, HealthController],
  providers: [
    {
      provide: StepRecordReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new StepRecordReader(dataSource, RELEASE_SCHEMA),
    },
    {
      provide: AuditReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new AuditReader(dataSource, RELEASE_SCHEMA, 'release'),
    },
    {
      provide: BackgroundProcesses,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new BackgroundProcesses([
          outboxRelayProcess(dataSource, RELEASE_SCHEMA, 'release'),
          activityWorkerProcess(
            TASK_QUEUES.release,
            asTemporalActivities(createReleaseActivities(dataSource)),
          ),
        ]),
    },
  ],
})
export class ReleaseModule {}
