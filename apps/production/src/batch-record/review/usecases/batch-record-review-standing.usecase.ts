import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type BatchRecordReview, type BatchRecordReviewQuery, DomainError } from '@v2v/contracts';
import {
  batchRecordHash,
  requireValidReview,
  reviewVoidReason,
} from '../batch-record-review-rules';
import {
  BatchRecordReviewRepository,
  type RecordedReview,
} from '../batch-record-review.repository';
import { ReviewableRecords } from './reviewable-records';

/**
 * QA-02.2: whether QA's latest review of a batch record still holds: the record's content hash
 * recomputed now must equal the signed one. A row appended after the review voids it.
 */
@Injectable()
export class BatchRecordReviewStanding {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: ReviewableRecords,
    private readonly reviews: BatchRecordReviewRepository,
  ) {}

  /** The batch's latest review with its validity now; NOT_FOUND when none is on record. */
  async latest(target: BatchRecordReviewQuery): Promise<BatchRecordReview> {
    const review = await this.current(target);
    if (!review)
      throw new DomainError('NOT_FOUND', `the batch record of ${target.batchNumber} has no review`);
    return review;
  }

  /** The release gate (QA-02.2): refused unless a valid review of the batch is on record. */
  async requireReviewed(target: BatchRecordReviewQuery): Promise<void> {
    requireValidReview(target.batchNumber, await this.current(target));
  }

  /** A recorded review with its validity against the record as it stands in `manager`. */
  async of(manager: EntityManager, review: RecordedReview): Promise<BatchRecordReview> {
    const { record } = await this.records.read(manager, review);
    const voidReason = reviewVoidReason(review, record, batchRecordHash(record));
    const { eventId: _eventId, ...shown } = review;
    void _eventId;
    return { ...shown, valid: voidReason === null, voidReason };
  }

  /** The latest review with its validity, read in `manager`; undefined before any review. */
  async current(target: BatchRecordReviewQuery, manager = this.dataSource.manager) {
    // The batch must be the donor's before anything of its review is shown.
    await this.records.read(manager, target);
    const review = await this.reviews.latestReview(target.batchNumber, manager);
    return review && this.of(manager, review);
  }
}
