import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createOutboxTableSql,
  createStepRecordTableSql,
  dropOutboxTableSql,
  dropStepRecordTableSql,
} from '@v2v/messaging';

const S = 'production';

export class CreateProduction1764028800000 implements MigrationInterface {
  name = 'CreateProduction1764028800000';

  async up(q: QueryRunner): Promise<void> {
    // Published versions are immutable: a change is a new version (GEN-03).
    await q.query(`CREATE TABLE "${S}"."product_specification" (
      "product_code" text NOT NULL,
      "version" integer NOT NULL,
      "name" text NOT NULL,
      "published_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "limits" jsonb NOT NULL,
      CONSTRAINT "PK_product_specification" PRIMARY KEY ("product_code", "version")
    )`);
    await q.query(`CREATE TABLE "${S}"."batch" (
      "batch_number" text NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "product_code" text NOT NULL,
      "status" text NOT NULL,
      "label_content" jsonb NOT NULL,
      "total_cell_count" bigint,
      "started_at" timestamptz NOT NULL,
      "completed_at" timestamptz,
      CONSTRAINT "PK_batch" PRIMARY KEY ("batch_number"),
      CONSTRAINT "UQ_batch_donor_code" UNIQUE ("donor_code"),
      CONSTRAINT "CHK_batch_status" CHECK ("status" IN ('in-production', 'completed'))
    )`);
    await q.query(`CREATE SEQUENCE "${S}"."batch_number_seq"`);
    for (const sql of createStepRecordTableSql(S)) await q.query(sql);
    for (const sql of createOutboxTableSql(S)) await q.query(sql);
    // The reference specification CART-CD19 v1 is demo data: tools/platform seeds it locally.
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql(S)) await q.query(sql);
    for (const sql of dropStepRecordTableSql(S)) await q.query(sql);
    await q.query(`DROP SEQUENCE "${S}"."batch_number_seq"`);
    await q.query(`DROP TABLE "${S}"."batch"`);
    await q.query(`DROP TABLE "${S}"."product_specification"`);
  }
}
