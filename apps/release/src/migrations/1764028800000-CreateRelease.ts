import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createOutboxTableSql,
  createStepRecordTableSql,
  dropOutboxTableSql,
  dropStepRecordTableSql,
} from '@v2v/messaging';

const S = 'release';

export class CreateRelease1764028800000 implements MigrationInterface {
  name = 'CreateRelease1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."qc_result" (
      "id" bigserial NOT NULL,
      "donor_code" text NOT NULL,
      "event_id" text NOT NULL,
      "test" text NOT NULL,
      "value" text NOT NULL,
      "within_specification" boolean NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_at" timestamptz NOT NULL,
      CONSTRAINT "PK_qc_result" PRIMARY KEY ("id")
    )`);
    await q.query(`CREATE INDEX "IDX_qc_result_donor" ON "${S}"."qc_result" ("donor_code")`);
    for (const sql of createStepRecordTableSql(S)) await q.query(sql);
    for (const sql of createOutboxTableSql(S)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql(S)) await q.query(sql);
    for (const sql of dropStepRecordTableSql(S)) await q.query(sql);
    await q.query(`DROP TABLE "${S}"."qc_result"`);
  }
}
