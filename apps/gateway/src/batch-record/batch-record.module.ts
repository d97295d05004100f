import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { BatchRecordController } from './batch-record.controller';
import { BatchRecordWorkflowRepository } from './batch-record-workflow.repository';
import { BatchRecordService } from './batch-record.service';

/** The electronic batch record: its view, step starts and completions, labels, decontamination. */
@Module({
  imports: [SharedModule, JourneysModule],
  controllers: [BatchRecordController],
  providers: [BatchRecordService, BatchRecordWorkflowRepository],
})
export class BatchRecordModule {}
