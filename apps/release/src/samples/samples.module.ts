import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { SampleRepository } from './sample.repository';
import { SamplesController } from './samples.controller';
import { DecideRetentionExceptionUseCase } from './usecases/decide-retention-exception.usecase';
import { RecordSampleUseCase } from './usecases/record-sample.usecase';
import { RetentionStandingUseCase } from './usecases/retention-standing.usecase';

/**
 * The sample register and retention exceptions (QA-01); the data source is the app's. The
 * release activities check a journey's retention through the exported standing.
 */
@Module({
  controllers: [SamplesController],
  providers: [
    SampleRepository,
    RecordSampleUseCase,
    DecideRetentionExceptionUseCase,
    RetentionStandingUseCase,
    signatureRecorderProvider('release'),
  ],
  exports: [RetentionStandingUseCase],
})
export class SamplesModule {}
