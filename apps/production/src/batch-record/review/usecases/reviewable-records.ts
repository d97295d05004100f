import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '@v2v/contracts';
import { ProcessRepository } from '../../../processes/process.repository';
import { BatchRecordRepository } from '../../batch-record.repository';
import type { ReviewableRecord } from '../batch-record-review-rules';
import { BatchRecordReviewRepository } from '../batch-record-review.repository';

/** A batch record as its review covers it, with the steps its process definition has. */
export interface RecordUnderReview {
  record: ReviewableRecord;
  /** Null for a batch without a process definition on record. */
  processStepIds: string[] | null;
}

/**
 * Reads what a review covers (QA-02.2) of the donor's batch, in one transaction: the batch
 * (locked when a review is being recorded), every step row, label and deviation.
 */
@Injectable()
export class ReviewableRecords {
  constructor(
    private readonly reviews: BatchRecordReviewRepository,
    private readonly records: BatchRecordRepository,
    private readonly processes: ProcessRepository,
  ) {}

  async read(
    manager: EntityManager,
    target: { batchNumber: string; donorCode: string },
    lock = false,
  ): Promise<RecordUnderReview> {
    const batch = await this.reviews.batch(target.batchNumber, lock, manager);
    const entries = batch && (await this.records.entries(target.batchNumber, manager));
    if (!batch || !entries || batch.donorCode !== target.donorCode)
      throw new DomainError(
        'NOT_FOUND',
        `no batch ${target.batchNumber} of donor code ${target.donorCode}`,
      );
    const definition =
      batch.processVersion === null
        ? undefined
        : await this.processes.definition(manager, batch.productCode, batch.processVersion);
    const { steps, labels, deviations } = entries;
    return {
      record: { batch, steps, labels, deviations },
      processStepIds: definition?.content.steps.map((s) => s.stepId) ?? null,
    };
  }
}
