import { Module } from '@nestjs/common';
import { BatchDeviationClient } from '../internal/batch-deviation.client';
import { BatchRecordReviewClient } from '../internal/batch-record-review.client';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { BatchDeviationClosureService } from './batch-deviation-closure.service';
import { BatchDeviationsController } from './batch-deviations.controller';
import { BatchRecordReviewController } from './batch-record-review.controller';
import { BatchRecordReviewService } from './batch-record-review.service';
import { BatchRecordController } from './batch-record.controller';
import { BatchRecordWorkflowRepository } from './batch-record-workflow.repository';
import { BatchRecordService } from './batch-record.service';

/**
 * The electronic batch record: its view, step starts and completions, labels, decontamination,
 * QA's signed review of it (QA-02.2) and QA's signed closure of its deviations (QA-02.3).
 */
@Module({
  imports: [SharedModule, JourneysModule, SignaturesModule],
  controllers: [BatchRecordController, BatchRecordReviewController, BatchDeviationsController],
  providers: [
    BatchRecordService,
    BatchRecordWorkflowRepository,
    BatchRecordReviewService,
    BatchRecordReviewClient,
    BatchDeviationClosureService,
    BatchDeviationClient,
  ],
})
export class BatchRecordModule {}
