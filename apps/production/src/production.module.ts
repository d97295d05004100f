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
import { createProductionActivities } from './batches/production.activities';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from './production.data-source';
import { ProductSpecificationRepository } from './specifications/product-specification.repository';
import { ProductSpecificationsController } from './specifications/product-specifications.controller';

@Module({
  imports: [
    serviceLoggerModule('production'),
    TypeOrmModule.forRootAsync({ useFactory: productionDataSourceOptions }),
    TerminusModule,
  ],
  controllers: [AuditController, StepRecordsController, ProductSpecificationsController, HealthController],
  providers: [
    {
      provide: StepRecordReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new StepRecordReader(dataSource, PRODUCTION_SCHEMA),
    },
    {
      provide: AuditReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new AuditReader(dataSource, PRODUCTION_SCHEMA, 'production'),
    },
    ProductSpecificationRepository,
    {
      provide: BackgroundProcesses,
      inject: [DataSource, ProductSpecificationRepository],
      useFactory: (dataSource: DataSource, specifications: ProductSpecificationRepository) =>
        new BackgroundProcesses([
          outboxRelayProcess(dataSource, PRODUCTION_SCHEMA, 'production'),
          activityWorkerProcess(
            TASK_QUEUES.production,
            asTemporalActivities(createProductionActivities(dataSource, specifications)),
          ),
        ]),
    },
  ],
})
export class ProductionModule {}
