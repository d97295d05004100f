import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A batch as its audit entries record it. */
export interface BatchRow {
  batchNumber: string;
  status: string;
  totalCellCount: number | null;
  completedAt: string | null;
}

/** The production batches, one per journey's donor material (TRC-01). */
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
    batch: { batchNumber: string; status: string; totalCellCount: number; completedAt: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE "production"."batch" SET "status" = $2, "total_cell_count" = $3, "completed_at" = $4 WHERE "batch_number" = $1`,
      [batch.batchNumber, batch.status, batch.totalCellCount, batch.completedAt],
    );
  }
}
