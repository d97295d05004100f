import { z } from 'zod';
import type { Actor } from '../journey/actor';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema, signatureRequestSchema } from '../journey/electronic-signature';
import type { BatchDeviationNotice } from '../production/batch-record';

/*
 * QA's signed review of a batch record (QA-02.2) as a shared contract: the body the gateway
 * validates, the command production records (body + reviewer, event id, sealed signature), and
 * the signed detail both hash, so the gateway signs exactly what production will record.
 */

/** The record a review is signed for: one batch's record. */
export const BATCH_RECORD_REVIEW_RECORD_TYPE = 'batch-record';
/** The signature meaning of a review. */
export const BATCH_RECORD_REVIEWED = 'reviewed';

/** QA's review at the gateway: the comment and the password re-entered. */
export const batchRecordReviewSchema = z.strictObject({
  comment: z.string().trim().min(1).max(2000),
  signature: signatureRequestSchema,
});
export type BatchRecordReviewEntry = z.infer<typeof batchRecordReviewSchema>;

export const reviewBatchRecordCommandSchema = z.strictObject({
  donorCode: z.string().min(1).max(64),
  comment: z.string().trim().min(1).max(2000),
  /** The review's idempotency key. */
  eventId: z.string().min(1).max(128),
  reviewedBy: actorSchema,
  /** The electronic signature the gateway sealed for this review (CSV-02). */
  signature: electronicSignatureSchema,
});
export type ReviewBatchRecordCommand = z.infer<typeof reviewBatchRecordCommandSchema>;

/**
 * What a review signs: the batch, the hash of its record's canonical content at the moment
 * production checked it, and the comment. A record that changed in between no longer hashes
 * the same, so the signature is refused (CSV-02).
 */
export const batchRecordReviewSignedDetail = (
  batchNumber: string,
  recordHash: string,
  comment: string,
) => ({ batchNumber, recordHash, comment });

/** Production's answer before anything is signed: the review may be recorded over this hash. */
export interface BatchRecordReviewCheck {
  batchNumber: string;
  donorCode: string;
  recordHash: string;
  /** The batch record's deviations, so QA sees them (each is closed apart, QA-02.3). */
  deviations: BatchDeviationNotice[];
  allowed: true;
}

/** A recorded review, with whether the record still hashes to what was signed. */
export interface BatchRecordReview {
  reviewId: string;
  batchNumber: string;
  donorCode: string;
  recordHash: string;
  comment: string;
  /** The deviations of the record when it was reviewed, open or closed. */
  deviations: BatchDeviationNotice[];
  signatureId: string;
  reviewedBy: Actor;
  reviewedAt: string;
  valid: boolean;
  voidReason: string | null;
}

/** Which batch's review the release gate asks about. */
export interface BatchRecordReviewQuery {
  donorCode: string;
  batchNumber: string;
}
