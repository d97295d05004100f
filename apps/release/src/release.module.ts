import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SignatureRecorder } from '@v2v/signatures';
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
import { QualifiedShippersController, qualifiedShipperProviders } from '@v2v/shipper-qualification';
import { createReleaseActivities } from './release/release.activities';
import { RELEASE_SCHEMA, releaseDataSourceOptions } from './release.data-source';

@Module({
  imports: gmpServiceImports('release', releaseDataSourceOptions),
  controllers: [...GMP_SERVICE_CONTROLLERS, QualifiedShippersController],
  providers: [
    ...gmpServiceProviders('release', RELEASE_SCHEMA),
    ...qualifiedShipperProviders(RELEASE_SCHEMA, 'product'),
    {
      provide: BackgroundProcesses,
      inject: [DataSource, SignatureRecorder, RefusalRecordRepository],
      useFactory: (
        dataSource: DataSource,
        signatures: SignatureRecorder,
        refusals: RefusalRecordRepository,
      ) =>
        new BackgroundProcesses([
          outboxRelayProcess(dataSource, RELEASE_SCHEMA, 'release'),
          activityWorkerProcess(
            TASK_QUEUES.release,
            createReleaseActivities(dataSource, signatures),
            refusals,
          ),
        ]),
    },
  ],
})
export class ReleaseModule {}
