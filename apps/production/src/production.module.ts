import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TASK_QUEUES, TOPICS } from '@v2v/contracts';
import { RefusalRecordRepository } from '@v2v/messaging';
import {
  activityWorkerProcess,
  BackgroundProcesses,
  GMP_SERVICE_CONTROLLERS,
  gmpServiceImports,
  gmpServiceProviders,
  inboxConsumerProcess,
  journeyStepRecorderProvider,
  outboxRelayProcess,
  ServiceConfig,
} from '@v2v/service-kit';
import {
  PRODUCTION_STEP_PROVIDERS,
  ProductionActivityAdapter,
} from './batches/production.activities';
import { BatchRecordModule } from './batch-record/batch-record.module';
import { BatchRecordReviewModule } from './batch-record/review/batch-record-review.module';
import { BatchDeviationsModule } from './batch-record/deviations/batch-deviations.module';
import { FacilityModule } from './facility/facility.module';
import { KeyMaterialsModule } from './key-materials/key-materials.module';
import { ManufacturingSlotsModule } from './manufacturing-slots/manufacturing-slots.module';
import { MediaFillsModule } from './media-fills/media-fills.module';
import { ProductionCalendarModule } from './calendar/production-calendar.module';
import { EnvironmentalMonitoringModule } from './environmental-monitoring/environmental-monitoring.module';
import { SignalJourneyDeviationsUseCase } from './environmental-monitoring/usecases/signal-journey-deviations.usecase';
import { ReleaseGatesModule } from './release-gates/release-gates.module';
import { RecallsModule } from './recalls/recalls.module';
import { SignalJourneyRecallsUseCase } from './recalls/usecases/signal-journey-recalls.usecase';
import { PRODUCTION_SCHEMA, productionDataSourceOptions } from './production.data-source';
import { ProductSpecificationRepository } from './specifications/product-specification.repository';
import { PublishProductSpecificationUseCase } from './specifications/usecases/publish-product-specification.usecase';
import { ProductSpecificationsController } from './specifications/product-specifications.controller';

@Module({
  imports: [
    ...gmpServiceImports('production', productionDataSourceOptions),
    KeyMaterialsModule,
    FacilityModule,
    MediaFillsModule,
    ProductionCalendarModule,
    EnvironmentalMonitoringModule,
    BatchRecordModule,
    BatchRecordReviewModule,
    ManufacturingSlotsModule,
    BatchDeviationsModule,
    ReleaseGatesModule,
    RecallsModule,
  ],
  controllers: [...GMP_SERVICE_CONTROLLERS, ProductSpecificationsController],
  providers: [
    ...gmpServiceProviders('production', PRODUCTION_SCHEMA),
    ProductSpecificationRepository,
    PublishProductSpecificationUseCase,
    journeyStepRecorderProvider({
      schema: PRODUCTION_SCHEMA,
      producer: 'production',
      topic: TOPICS.production,
    }),
    ...PRODUCTION_STEP_PROVIDERS,
    {
      provide: BackgroundProcesses,
      inject: [
        ServiceConfig,
        DataSource,
        ProductionActivityAdapter,
        RefusalRecordRepository,
        SignalJourneyDeviationsUseCase,
        SignalJourneyRecallsUseCase,
      ],
      useFactory: (
        config: ServiceConfig,
        dataSource: DataSource,
        steps: ProductionActivityAdapter,
        refusals: RefusalRecordRepository,
        deviations: SignalJourneyDeviationsUseCase,
        recalls: SignalJourneyRecallsUseCase,
      ) =>
        new BackgroundProcesses(
          [
            outboxRelayProcess(dataSource, PRODUCTION_SCHEMA, 'production', config.env),
            // PRD-05: an excursion's deviations, QA-04: a recall's notices, reach the running
            // journeys they concern. One consumer: the inbox is keyed by event id alone.
            inboxConsumerProcess({
              dataSource,
              schema: PRODUCTION_SCHEMA,
              groupId: 'production-journey-deviations',
              topics: [TOPICS.production],
              handler: async (envelope, manager) => {
                await deviations.handler()(envelope, manager);
                await recalls.handler()(envelope, manager);
              },
              env: config.env,
            }),
            activityWorkerProcess(TASK_QUEUES.production, steps.activities(), refusals, config.env),
          ],
          { enabled: config.backgroundProcesses },
        ),
    },
  ],
})
export class ProductionModule {}
