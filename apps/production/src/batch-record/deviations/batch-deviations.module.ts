import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { PRODUCTION_SCHEMA } from '../../production.data-source';
import { BatchDeviationClosureRepository } from './batch-deviation-closure.repository';
import { BatchDeviationsController } from './batch-deviations.controller';
import { CloseBatchDeviationUseCase } from './usecases/close-batch-deviation.usecase';

/**
 * QA's signed closure of the batch record's deviations (QA-02.3), recorded through the internal
 * API; the standings are exported for the release gates.
 */
@Module({
  controllers: [BatchDeviationsController],
  providers: [
    signatureRecorderProvider(PRODUCTION_SCHEMA),
    BatchDeviationClosureRepository,
    CloseBatchDeviationUseCase,
  ],
  exports: [BatchDeviationClosureRepository],
})
export class BatchDeviationsModule {}
