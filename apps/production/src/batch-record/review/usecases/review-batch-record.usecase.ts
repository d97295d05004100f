import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  BATCH_RECORD_REVIEW_RECORD_TYPE,
  BATCH_RECORD_REVIEWED,
  type BatchRecordReview,
  type BatchRecordReviewCheck,
  batchRecordReviewSignedDetail,
  DomainError,
  type ReviewBatchRecordCommand,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { batchRecordHash, requireBatchRecordComplete } from '../batch-record-review-rules';
import { BatchRecordReviewRepository } from '../batch-record-review.repository';
import { BatchRecordReviewStanding } from './batch-record-review-standing.usecase';
import { ReviewableRecords } from './reviewable-records';

/**
 * QA-02.2, CSV-02, PER-03: QA signs the batch record reviewed, over the hash of its canonical
 * content. `check` refuses an incomplete record before anything is signed and tells the gateway
 * the hash to sign; `execute` reads the record again under the batch's lock, so the signature
 * is refused if the record changed in between, and records signature, review and audit entry
 * together. The review lists the record's deviations; QA's closure of one (QA-02.3) is a
 * decision on the deviation, not a row of the record, so it leaves the review valid.
 */
@Injectable()
export class ReviewBatchRecordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: ReviewableRecords,
    private readonly reviews: BatchRecordReviewRepository,
    private readonly standing: BatchRecordReviewStanding,
    private readonly signatures: SignatureRecorder,
  ) {}

  async check(batchNumber: string, donorCode: string): Promise<BatchRecordReviewCheck> {
    const { record, processStepIds } = await this.records.read(this.dataSource.manager, {
      batchNumber,
      donorCode,
    });
    requireBatchRecordComplete(record, processStepIds);
    const recordHash = batchRecordHash(record);
    return { batchNumber, donorCode, recordHash, deviations: record.deviations, allowed: true };
  }

  execute(batchNumber: string, command: ReviewBatchRecordCommand): Promise<BatchRecordReview> {
    const { donorCode, comment, eventId, reviewedBy, signature } = command;
    return this.dataSource.transaction(async (manager) => {
      const repeat = await this.reviews.reviewByEvent(manager, eventId);
      if (repeat) {
        if (repeat.batchNumber !== batchNumber)
          throw new DomainError(
            'IDEMPOTENCY_CONFLICT',
            `event id ${eventId} already reviewed the batch record of ${repeat.batchNumber}`,
          );
        return this.standing.of(manager, repeat);
      }
      const { record, processStepIds } = await this.records.read(
        manager,
        { batchNumber, donorCode },
        true,
      );
      requireBatchRecordComplete(record, processStepIds);
      const recordHash = batchRecordHash(record);
      const subject = { recordType: BATCH_RECORD_REVIEW_RECORD_TYPE, recordId: batchNumber };
      const detail = batchRecordReviewSignedDetail(batchNumber, recordHash, comment);
      await this.signatures.record(manager, signature, {
        meaning: BATCH_RECORD_REVIEWED,
        decidedBy: reviewedBy,
        signerRole: SIGNER_ROLE,
        subject: { ...subject, donorCode },
        contentHash: signedRecordHash({ ...subject, detail }),
        journeyId: record.batch.journeyId,
      });
      const review = await this.reviews.insertReview(manager, {
        reviewId: randomUUID(),
        eventId,
        batchNumber,
        donorCode,
        recordHash,
        comment,
        deviations: record.deviations,
        signatureId: signature.signatureId,
        reviewedBy,
      });
      await writeAudit(manager, 'production', {
        recordType: 'batch-record-review',
        recordId: review.reviewId,
        journeyId: record.batch.journeyId,
        action: 'create',
        actor: reviewedBy,
        reason: `QA reviewed the batch record of ${batchNumber} (${record.deviations.length} deviations listed), signature ${signature.signatureId}: ${comment}`,
        newValue: review,
      });
      return this.standing.of(manager, review);
    });
  }
}
