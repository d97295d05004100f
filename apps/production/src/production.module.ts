import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TASK_QUEUES } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import {
  activityWorkerProcess,
  BackgroundProcesses,
  GMP_SERVICE_CONTROLLERS,
  gmpServiceImports,
  gmpServiceProviders,
  outboxRelayProcess,
} from '@v2v/service-kit';
import { createProductionActivities } from './batches/production.activities';
import { KeyMaterialsModule } from './key-materials/key-materials.module';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from './production.data-source';
import { ProductSpecificationRepository } from './specifications/product-specification.repository';
import { PublishProductSpecificationUseCase } from './specifications/usecases/publish-product-specification.usecase';
import { ProductSpecificationsController } from './specifications/product-specifications.controller';

@Module({
  imports: [...gmpServiceImports('production', productionDataSourceOptions), KeyMaterialsModule],
  controllers: [...GMP_SERVICE_CONTROLLERS, ProductSpecificationsController],
  providers: [
    ...gmpServiceProviders('production', PRODUCTION_SCHEMA),
    ProductSpecificationRepository,
    PublishProductSpecificationUseCase,
    {
      provide: BackgroundProcesses,
      inject: [DataSource, ProductSpecificationRepository, RefusalRecordRepository],
      useFactory: (
        dataSource: DataSource,
        specifications: ProductSpecificationRepository,
        refusals: RefusalRecordRepository,
      ) =>
        new BackgroundProcesses([
          outboxRelayProcess(dataSource, PRODUCTION_SCHEMA, 'production'),
          activityWorkerProcess(
            TASK_QUEUES.production,
            createProductionActivities(dataSource, specifications),
            refusals,
          ),
        ]),
    },
  ],
})
export class ProductionModule {}
