import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BatchDisposition, DonorBatch } from './remanufacture-rules';

/** A batch as its audit entries record it. */
export interface BatchRow {
  batchNumber: string;
  status: string;
  totalCellCount: number | null;
  completedAt: string | null;
}

/**
 * The production batches of the journeys' donor material (TRC-01): one in production at a time
 * per donor code, and more than one only when a failed batch was re-made from retained material.
 */
@Injectable()
export class BatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The next value of the batch number sequence. */
  async nextSequence(): Promise<number> {
    const [{ seq }] = await this.dataSource.query(
      `SELECT nextval('"production"."batch_number_seq"') AS seq`,
    );
    return Number(seq);
  }

  async insert(
    manager: EntityManager,
    batch: {
      batchNumber: string;
      donorCode: string;
      journeyId: string;
      productCode: string;
      status: string;
      label: unknown;
      startedAt: string;
      processVersion: number;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "production"."batch"
         ("batch_number", "donor_code", "journey_id", "product_code", "status", "label_content", "started_at",
          "process_version")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        batch.batchNumber,
        batch.donorCode,
        batch.journeyId,
        batch.productCode,
        batch.status,
        batch.label,
        batch.startedAt,
        batch.processVersion,
      ],
    );
  }

  /** The donor's batch in production, locked for its completion. */
  async inProductionForUpdate(
    manager: EntityManager,
    donorCode: string,
  ): Promise<BatchRow | undefined> {
    const [row] = await manager.query(
      `SELECT "batch_number" AS "batchNumber", "status", "total_cell_count" AS "totalCellCount", "completed_at" AS "completedAt"
         FROM "production"."batch" WHERE "donor_code" = $1 AND "status" = 'in-production' FOR UPDATE`,
      [donorCode],
    );
    return row;
  }

  async complete(
    manager: EntityManager,
    batch: {
      batchNumber: string;
      status: string;
      totalCellCount: number;
      completedAt: string;
      productExpiresOn: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE "production"."batch" SET "status" = $2, "total_cell_count" = $3, "completed_at" = $4,
         "product_expires_on" = $5 WHERE "batch_number" = $1`,
      [
        batch.batchNumber,
        batch.status,
        batch.totalCellCount,
        batch.completedAt,
        batch.productExpiresOn,
      ],
    );
  }

  /** QA's rejection of a failed batch with its disposition (MAT-04). */
  async reject(
    manager: EntityManager,
    batch: {
      batchNumber: string;
      rejectedAt: string;
      reason: string;
      disposition: BatchDisposition;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE "production"."batch" SET "status" = 'rejected', "rejected_at" = $2, "rejection_reason" = $3, "disposition" = $4
         WHERE "batch_number" = $1 AND "status" = 'in-production'`,
      [batch.batchNumber, batch.rejectedAt, batch.reason, batch.disposition],
    );
  }

  /** Every batch of a donor code, in start order, locked against a concurrent decision. */
  async ofDonorForUpdate(manager: EntityManager, donorCode: string): Promise<DonorBatch[]> {
    const rows: Array<Omit<DonorBatch, 'startedAt'> & { startedAt: Date }> = await manager.query(
      `SELECT "batch_number" AS "batchNumber", "status", "started_at" AS "startedAt"
         FROM "production"."batch" WHERE "donor_code" = $1 ORDER BY "started_at", "batch_number" FOR UPDATE`,
      [donorCode],
    );
    return rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString() }));
  }
}
