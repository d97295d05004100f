import { Injectable } from '@nestjs/common';
import {
  BATCH_RECORD_REVIEW_RECORD_TYPE,
  BATCH_RECORD_REVIEWED,
  type BatchRecordReviewEntry,
  batchRecordReviewSignedDetail,
} from '@v2v/contracts';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { BatchRecordReviewClient } from '../internal/batch-record-review.client';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';
import { BatchRecordService } from './batch-record.service';

/**
 * QA's signed review of the journey's batch record at the edge (QA-02.2, CSV-02, PER-03).
 * Production is asked first: it refuses an incomplete record before anything is signed, and
 * names the hash of the record's canonical content that QA signs. It reads the record again
 * under the batch's lock when it records the review, so a record that changed in between no
 * longer matches the signature and is refused. Donor codes given here are canonical.
 */
@Injectable()
export class BatchRecordReviewService {
  constructor(
    private readonly batchRecord: BatchRecordService,
    private readonly reviews: BatchRecordReviewClient,
    private readonly signatures: ElectronicSignatureService,
    private readonly eventIds: EventIds,
  ) {}

  async review(input: {
    donorCode: string;
    entry: BatchRecordReviewEntry;
    user: AuthenticatedUser;
    idempotency?: IdempotencyScope;
    path: string;
  }) {
    const { donorCode, entry, user } = input;
    const batchNumber = await this.batchRecord.batchNumberOf(donorCode);
    const { recordHash } = await this.reviews.check(batchNumber, donorCode);
    const eventId = this.eventIds.of(input.idempotency);
    return this.signatures.decide({
      user,
      password: entry.signature.password,
      path: input.path,
      content: {
        meaning: BATCH_RECORD_REVIEWED,
        recordType: BATCH_RECORD_REVIEW_RECORD_TYPE,
        recordId: batchNumber,
        donorCode,
        detail: batchRecordReviewSignedDetail(batchNumber, recordHash, entry.comment),
      },
      record: (signature) =>
        this.reviews.review(batchNumber, {
          donorCode,
          comment: entry.comment,
          eventId,
          reviewedBy: actorOf(user),
          signature,
        }),
    });
  }

  /** The latest review, with whether the record still hashes to what was signed. */
  async latest(donorCode: string) {
    return this.reviews.latest(await this.batchRecord.batchNumberOf(donorCode), donorCode);
  }
}
