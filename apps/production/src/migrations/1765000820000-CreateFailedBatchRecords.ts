import { MigrationInterface, QueryRunner } from 'typeorm';
import { MATERIAL_DISPOSITIONS } from '@v2v/contracts';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const DISPOSITIONS = MATERIAL_DISPOSITIONS.map((d) => `'${d}'`).join(', ');

/**
 * The failure branch of production (issue 11): a batch that failed is rejected with its signed
 * disposition (MAT-04), and may be re-manufactured from a portion of the donor material set
 * aside at the start. A donor code may then have several batches, but only one in production
 * at a time (PRD-01: one batch is one run). The retained portion and its use are append-only;
 * a portion is used once, and a rejected batch is re-manufactured once, whatever the client.
 */
export class CreateFailedBatchRecords1765000820000 implements MigrationInterface {
  name = 'CreateFailedBatchRecords1765000820000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."batch" DROP CONSTRAINT "UQ_batch_donor_code"`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_batch_donor_code_in_production" ON "${S}"."batch" ("donor_code") WHERE "status" = 'in-production'`,
    );
    await q.query(
      `CREATE INDEX "IDX_batch_donor_code" ON "${S}"."batch" ("donor_code", "started_at")`,
    );
    await q.query(`ALTER TABLE "${S}"."batch"
      ADD COLUMN "rejected_at" timestamptz,
      ADD COLUMN "rejection_reason" text,
      ADD COLUMN "disposition" text,
      DROP CONSTRAINT "CHK_batch_status",
      ADD CONSTRAINT "CHK_batch_status" CHECK ("status" IN ('in-production', 'completed', 'rejected')),
      -- MAT-04: a rejected batch carries when, why and what is done with it; no other batch does.
      ADD CONSTRAINT "CHK_batch_rejection" CHECK (
        ("status" = 'rejected') = ("rejected_at" IS NOT NULL)
        AND ("status" = 'rejected') = COALESCE(btrim("rejection_reason") <> '', false)
        AND ("status" = 'rejected') = COALESCE("disposition" IN (${DISPOSITIONS}), false))`);
    await q.query(`CREATE TABLE "${S}"."retained_donor_material" (
      "retained_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "batch_number" text NOT NULL,
      "volume_ml" numeric(7, 2) NOT NULL,
      "container" text NOT NULL,
      "storage_location" text NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "set_aside_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_retained_donor_material" PRIMARY KEY ("retained_id"),
      CONSTRAINT "UQ_retained_donor_material_event" UNIQUE ("event_id"),
      -- One portion is set aside per batch start.
      CONSTRAINT "UQ_retained_donor_material_batch" UNIQUE ("batch_number"),
      CONSTRAINT "FK_retained_donor_material_batch" FOREIGN KEY ("batch_number") REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "CHK_retained_donor_material_volume" CHECK ("volume_ml" > 0 AND "volume_ml" <= 2000),
      CONSTRAINT "CHK_retained_donor_material_container" CHECK (btrim("container") <> ''),
      CONSTRAINT "CHK_retained_donor_material_location" CHECK (btrim("storage_location") <> '')
    )`);
    await q.query(
      `CREATE INDEX "IDX_retained_donor_material_donor" ON "${S}"."retained_donor_material" ("donor_code", "set_aside_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."retained_material_use" (
      "retained_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "rejected_batch_number" text NOT NULL,
      "reason" text NOT NULL,
      "used_by" text NOT NULL,
      "used_by_role" text NOT NULL,
      "used_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      -- A portion is used once: a second re-manufacture, even a concurrent one, cannot use it.
      CONSTRAINT "PK_retained_material_use" PRIMARY KEY ("retained_id"),
      CONSTRAINT "UQ_retained_material_use_event" UNIQUE ("event_id"),
      -- A rejected batch is re-manufactured once.
      CONSTRAINT "UQ_retained_material_use_rejected_batch" UNIQUE ("rejected_batch_number"),
      CONSTRAINT "FK_retained_material_use_retained" FOREIGN KEY ("retained_id") REFERENCES "${S}"."retained_donor_material" ("retained_id"),
      CONSTRAINT "FK_retained_material_use_batch" FOREIGN KEY ("rejected_batch_number") REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "CHK_retained_material_use_reason" CHECK (btrim("reason") <> '')
    )`);
    for (const [table, functionName, message] of [
      [
        'retained_donor_material',
        'refuse_retained_material_change',
        'retained donor material is recorded once and never changed or deleted',
      ],
      [
        'retained_material_use',
        'refuse_retained_material_use_change',
        'the use of retained donor material is recorded once and never changed or deleted',
      ],
    ]) {
      const trigger = appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      });
      for (const sql of trigger) await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, functionName] of [
      ['retained_material_use', 'refuse_retained_material_use_change'],
      ['retained_donor_material', 'refuse_retained_material_change'],
    ]) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, functionName)) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
    await q.query(`ALTER TABLE "${S}"."batch"
      DROP CONSTRAINT "CHK_batch_rejection",
      DROP CONSTRAINT "CHK_batch_status",
      ADD CONSTRAINT "CHK_batch_status" CHECK ("status" IN ('in-production', 'completed')),
      DROP COLUMN "disposition",
      DROP COLUMN "rejection_reason",
      DROP COLUMN "rejected_at"`);
    await q.query(`DROP INDEX "${S}"."IDX_batch_donor_code"`);
    await q.query(`DROP INDEX "${S}"."UQ_batch_donor_code_in_production"`);
    await q.query(
      `ALTER TABLE "${S}"."batch" ADD CONSTRAINT "UQ_batch_donor_code" UNIQUE ("donor_code")`,
    );
  }
}
