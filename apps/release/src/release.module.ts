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
import { QualifiedShippersController, qualifiedShipperProviders } from '@v2v/shipper-qualification';
import { RELEASE_STEP_PROVIDERS, ReleaseActivityAdapter } from './release/release.activities';
import { RELEASE_SCHEMA, releaseDataSourceOptions } from './release.data-source';
import { AdverseReactionsModule } from './adverse-reactions/adverse-reactions.module';
import { EmergenciesModule } from './emergencies/emergencies.module';
import { RecallHoldsModule } from './recalls/recall-holds.module';
import { HoldRecalledProductsUseCase } from './recalls/usecases/hold-recalled-products.usecase';
import { QcModule } from './qc/qc.module';
import { SamplesModule } from './samples/samples.module';
import { InstructionsForUseModule } from './instructions-for-use/instructions-for-use.module';

@Module({
  imports: [
    ...gmpServiceImports('release', releaseDataSourceOptions),
    SamplesModule,
    QcModule,
    InstructionsForUseModule,
    EmergenciesModule,
    AdverseReactionsModule,
    RecallHoldsModule,
  ],
  controllers: [...GMP_SERVICE_CONTROLLERS, QualifiedShippersController],
  providers: [
    ...gmpServiceProviders('release', RELEASE_SCHEMA),
    ...qualifiedShipperProviders(RELEASE_SCHEMA, 'product'),
    journeyStepRecorderProvider({
      schema: RELEASE_SCHEMA,
      producer: 'release',
      topic: TOPICS.release,
    }),
    ...RELEASE_STEP_PROVIDERS,
    {
      provide: BackgroundProcesses,
      inject: [
        ServiceConfig,
        DataSource,
        ReleaseActivityAdapter,
        RefusalRecordRepository,
        HoldRecalledProductsUseCase,
      ],
      useFactory: (
        config: ServiceConfig,
        dataSource: DataSource,
        steps: ReleaseActivityAdapter,
        refusals: RefusalRecordRepository,
        recallHolds: HoldRecalledProductsUseCase,
      ) =>
        new BackgroundProcesses(
          [
            outboxRelayProcess(dataSource, RELEASE_SCHEMA, 'release', config.env),
            // QA-04: production's recall notices hold the recalled products here too.
            inboxConsumerProcess({
              dataSource,
              schema: RELEASE_SCHEMA,
              groupId: 'release-recall-holds',
              topics: [TOPICS.production],
              handler: recallHolds.handler(),
              env: config.env,
            }),
            activityWorkerProcess(TASK_QUEUES.release, steps.activities(), refusals, config.env),
          ],
          { enabled: config.backgroundProcesses },
        ),
    },
  ],
})
export class ReleaseModule {}
