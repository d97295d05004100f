import { Module } from '@nestjs/common';
import { BatchRecordReviewClient } from '../internal/batch-record-review.client';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { BatchRecordReviewController } from './batch-record-review.controller';
import { BatchRecordReviewService } from './batch-record-review.service';
import { BatchRecordController } from './batch-record.controller';
import { BatchRecordWorkflowRepository } from './batch-record-workflow.repository';
import { BatchRecordService } from './batch-record.service';

/**
 * The electronic batch record: its view, step starts and completions, labels, decontamination,
 * and QA's signed review of it (QA-02.2).
 */
@Module({
  imports: [SharedModule, JourneysModule, SignaturesModule],
  controllers: [BatchRecordController, BatchRecordReviewController],
  providers: [
    BatchRecordService,
    BatchRecordWorkflowRepository,
    BatchRecordReviewService,
    BatchRecordReviewClient,
  ],
})
export class BatchRecordModule {}
