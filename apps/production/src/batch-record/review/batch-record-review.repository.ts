import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BatchDeviationNotice, Role } from '@v2v/contracts';
import type { ReviewedBatch } from './batch-record-review-rules';

const S = '"production"';

/** A review as recorded (production.batch_record_review), before its validity is computed. */
export interface RecordedReview {
  reviewId: string;
  eventId: string;
  batchNumber: string;
  donorCode: string;
  recordHash: string;
  comment: string;
  deviations: BatchDeviationNotice[];
  signatureId: string;
  reviewedBy: { userId: string; role: Role };
  reviewedAt: string;
}

interface ReviewRow {
  review_id: string;
  event_id: string;
  batch_number: string;
  donor_code: string;
  record_hash: string;
  comment: string;
  deviations: BatchDeviationNotice[];
  signature_id: string;
  reviewed_by: string;
  reviewed_by_role: Role;
  reviewed_at: Date;
}

const toReview = (r: ReviewRow): RecordedReview => ({
  reviewId: r.review_id,
  eventId: r.event_id,
  batchNumber: r.batch_number,
  donorCode: r.donor_code,
  recordHash: r.record_hash,
  comment: r.comment,
  deviations: r.deviations,
  signatureId: r.signature_id,
  reviewedBy: { userId: r.reviewed_by, role: r.reviewed_by_role },
  reviewedAt: r.reviewed_at.toISOString(),
});

const ISO = (column: string) =>
  `to_char("${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** QA's reviews of batch records (QA-02.2) and the batch as a review covers it. */
@Injectable()
export class BatchRecordReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The batch as its review covers it; `lock` takes the row lock the batch record's appends
   * take, so no step or deviation is recorded between the read and the review.
   */
  async batch(
    batchNumber: string,
    lock: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReviewedBatch | undefined> {
    const rows: Array<Omit<ReviewedBatch, 'totalCellCount'> & { totalCellCount: string | null }> =
      await manager.query(
        `SELECT "batch_number" AS "batchNumber", "donor_code" AS "donorCode",
                "journey_id" AS "journeyId", "product_code" AS "productCode",
                "process_version" AS "processVersion", "status",
                "total_cell_count" AS "totalCellCount", ${ISO('started_at')} AS "startedAt",
                ${ISO('completed_at')} AS "completedAt"
           FROM ${S}."batch" WHERE "batch_number" = $1 ${lock ? 'FOR UPDATE' : ''}`,
        [batchNumber],
      );
    const row = rows[0];
    // bigint arrives as text; cell counts stay far below 2^53.
    return (
      row && {
        ...row,
        totalCellCount: row.totalCellCount === null ? null : Number(row.totalCellCount),
      }
    );
  }

  async reviewByEvent(manager: EntityManager, eventId: string) {
    const rows: ReviewRow[] = await manager.query(
      `SELECT * FROM ${S}."batch_record_review" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toReview(rows[0]);
  }

  /** The batch's latest review: the one the release gate counts. */
  async latestReview(
    batchNumber: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RecordedReview | undefined> {
    const rows: ReviewRow[] = await manager.query(
      `SELECT * FROM ${S}."batch_record_review" WHERE "batch_number" = $1
        ORDER BY "reviewed_at" DESC, "review_id" DESC LIMIT 1`,
      [batchNumber],
    );
    return rows[0] && toReview(rows[0]);
  }

  async insertReview(
    manager: EntityManager,
    r: Omit<RecordedReview, 'reviewedAt'>,
  ): Promise<RecordedReview> {
    const rows: ReviewRow[] = await manager.query(
      `INSERT INTO ${S}."batch_record_review" ("review_id", "event_id", "batch_number", "donor_code",
         "record_hash", "comment", "deviations", "signature_id", "reviewed_by", "reviewed_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        r.reviewId,
        r.eventId,
        r.batchNumber,
        r.donorCode,
        r.recordHash,
        r.comment,
        JSON.stringify(r.deviations),
        r.signatureId,
        r.reviewedBy.userId,
        r.reviewedBy.role,
      ],
    );
    return toReview(rows[0]);
  }
}
