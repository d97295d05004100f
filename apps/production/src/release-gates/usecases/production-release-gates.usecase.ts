import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type ReleaseGate, type ReleaseGateQuery, requireDonorCode } from '@v2v/contracts';
import { BatchDeviationClosureRepository } from '../../batch-record/deviations/batch-deviation-closure.repository';
import { BatchRecordRepository } from '../../batch-record/batch-record.repository';
import { batchRecordHash } from '../../batch-record/review/batch-record-review-rules';
import { BatchRecordReviewRepository } from '../../batch-record/review/batch-record-review.repository';
import { BatchRecordReviewStanding } from '../../batch-record/review/usecases/batch-record-review-standing.usecase';
import { ReviewableRecords } from '../../batch-record/review/usecases/reviewable-records';
import { EmDeviationRepository } from '../../environmental-monitoring/em-deviation.repository';
import { EnvironmentalMonitoringRepository } from '../../environmental-monitoring/environmental-monitoring.repository';
import {
  batchIdentityGate,
  contaminationHoldGate,
  productionDeviationsGate,
  reviewGate,
} from '../production-gate-rules';

/**
 * The release gates production answers for (QA-02.2, QA-02.3, QA-02.4, PRD-05), read in one
 * snapshot so every gate judges the same moment of the batch's records. A batch not on record,
 * or not of the journey's donor code, answers only QA-02.4, blocked: nothing of it is released.
 */
@Injectable()
export class ProductionReleaseGatesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly batches: BatchRecordReviewRepository,
    private readonly batchRecord: BatchRecordRepository,
    private readonly records: ReviewableRecords,
    private readonly review: BatchRecordReviewStanding,
    private readonly deviations: BatchDeviationClosureRepository,
    private readonly emDeviations: EmDeviationRepository,
    private readonly em: EnvironmentalMonitoringRepository,
  ) {}

  execute(query: ReleaseGateQuery): Promise<ReleaseGate[]> {
    const donorCode = requireDonorCode(query.donorCode);
    const journey = { donorCode, batchNumber: query.batchNumber };
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const batch = await this.batches.batch(query.batchNumber, false, manager);
      const entries = batch && (await this.batchRecord.entries(query.batchNumber, manager));
      const identity = batchIdentityGate(
        journey,
        batch && { donorCode: batch.donorCode, batchNumber: batch.batchNumber },
        entries?.labels ?? [],
      );
      if (!batch || batch.donorCode !== donorCode) return [identity];
      const { record } = await this.records.read(manager, journey);
      return [
        reviewGate(
          query.batchNumber,
          await this.review.current(journey, manager),
          batchRecordHash(record),
        ),
        productionDeviationsGate(
          await this.deviations.standings(query.batchNumber, donorCode, manager),
          await this.emDeviations.list(donorCode, manager),
        ),
        identity,
        contaminationHoldGate(
          donorCode,
          query.batchNumber,
          await this.em.excursions({ donorCode }, manager),
        ),
      ];
    });
  }
}
