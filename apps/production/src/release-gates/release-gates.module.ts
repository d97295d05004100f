import { Module } from '@nestjs/common';
import { BatchRecordModule } from '../batch-record/batch-record.module';
import { BatchDeviationsModule } from '../batch-record/deviations/batch-deviations.module';
import { BatchRecordReviewModule } from '../batch-record/review/batch-record-review.module';
import { EnvironmentalMonitoringModule } from '../environmental-monitoring/environmental-monitoring.module';
import { ReleaseGatesController } from './release-gates.controller';
import { ProductionReleaseGatesUseCase } from './usecases/production-release-gates.usecase';

/**
 * The release gates production answers for (QA-02.2–QA-02.4, PRD-05): the use case backs the
 * `productionReleaseGates` activity (exported for the activity adapter) and an internal read.
 */
@Module({
  imports: [
    BatchRecordModule,
    BatchRecordReviewModule,
    BatchDeviationsModule,
    EnvironmentalMonitoringModule,
  ],
  controllers: [ReleaseGatesController],
  providers: [ProductionReleaseGatesUseCase],
  exports: [ProductionReleaseGatesUseCase],
})
export class ReleaseGatesModule {}
