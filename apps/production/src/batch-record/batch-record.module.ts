import { Module } from '@nestjs/common';
import { ProductionCalendarModule } from '../calendar/production-calendar.module';
import { FacilityModule } from '../facility/facility.module';
import { KeyMaterialsModule } from '../key-materials/key-materials.module';
import { MediaFillsModule } from '../media-fills/media-fills.module';
import { ProcessesModule } from '../processes/processes.module';
import { BatchRecordController } from './batch-record.controller';
import { BatchRecordRepository } from './batch-record.repository';
import { BatchStepContext } from './usecases/batch-step-context';
import { BatchStepWriter } from './usecases/batch-step-writer';
import { CompleteBatchStepUseCase } from './usecases/complete-batch-step.usecase';
import { GetBatchProcessUseCase } from './usecases/get-batch-process.usecase';
import { RaiseBatchTransferDeviationUseCase } from './usecases/raise-batch-transfer-deviation.usecase';
import { RecordDecontaminationUseCase } from './usecases/record-decontamination.usecase';
import { StartBatchStepUseCase } from './usecases/start-batch-step.usecase';

/**
 * The electronic batch record (§9(5)–(11)): its use cases back production's batch-record
 * activities (exported for the activity adapter, with the process definitions and validation
 * that starting production needs); its controller records decontaminations and reads records.
 */
@Module({
  imports: [
    ProcessesModule,
    ProductionCalendarModule,
    MediaFillsModule,
    KeyMaterialsModule,
    FacilityModule,
  ],
  controllers: [BatchRecordController],
  providers: [
    BatchRecordRepository,
    BatchStepContext,
    BatchStepWriter,
    GetBatchProcessUseCase,
    StartBatchStepUseCase,
    CompleteBatchStepUseCase,
    RaiseBatchTransferDeviationUseCase,
    RecordDecontaminationUseCase,
  ],
  exports: [
    ProcessesModule,
    BatchRecordRepository,
    GetBatchProcessUseCase,
    StartBatchStepUseCase,
    CompleteBatchStepUseCase,
    RaiseBatchTransferDeviationUseCase,
  ],
})
export class BatchRecordModule {}
