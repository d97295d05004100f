import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { PRODUCTION_SCHEMA } from '../../production.data-source';
import { BatchRecordModule } from '../batch-record.module';
import { BatchRecordReviewController } from './batch-record-review.controller';
import { BatchRecordReviewRepository } from './batch-record-review.repository';
import { BatchRecordReviewStanding } from './usecases/batch-record-review-standing.usecase';
import { ReviewableRecords } from './usecases/reviewable-records';
import { ReviewBatchRecordUseCase } from './usecases/review-batch-record.usecase';

/**
 * QA's signed review of the batch record (QA-02.2): recorded through the internal API, its
 * standing exported for the release gate's activity.
 */
@Module({
  imports: [BatchRecordModule],
  controllers: [BatchRecordReviewController],
  providers: [
    signatureRecorderProvider(PRODUCTION_SCHEMA),
    BatchRecordReviewRepository,
    ReviewableRecords,
    ReviewBatchRecordUseCase,
    BatchRecordReviewStanding,
  ],
  exports: [BatchRecordReviewStanding, ReviewableRecords, BatchRecordReviewRepository],
})
export class BatchRecordReviewModule {}
