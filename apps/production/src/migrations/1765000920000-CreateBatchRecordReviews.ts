import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const TABLE = 'batch_record_review';
const FN = `refuse_${TABLE}_change`;

/**
 * QA-02.2: QA's signed review of a batch record: the hash of the record's canonical content it
 * signed, the comment and the record's deviations at the time; append-only (a later review is
 * a new row, the latest counts), once per event and per signature, only by QA (the role check),
 * and only with its signature recorded (the foreign key).
 */
export class CreateBatchRecordReviews1765000920000 implements MigrationInterface {
  name = 'CreateBatchRecordReviews1765000920000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."${TABLE}" (
      "review_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "batch_number" text NOT NULL,
      "donor_code" text NOT NULL,
      "record_hash" text NOT NULL,
      "comment" text NOT NULL,
      "deviations" jsonb NOT NULL,
      "signature_id" uuid NOT NULL,
      "reviewed_by" text NOT NULL,
      "reviewed_by_role" text NOT NULL,
      "reviewed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${TABLE}" PRIMARY KEY ("review_id"),
      CONSTRAINT "UQ_${TABLE}_event" UNIQUE ("event_id"),
      CONSTRAINT "UQ_${TABLE}_signature" UNIQUE ("signature_id"),
      CONSTRAINT "FK_${TABLE}_batch" FOREIGN KEY ("batch_number")
        REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "FK_${TABLE}_signature" FOREIGN KEY ("signature_id")
        REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "CHK_${TABLE}_hash" CHECK ("record_hash" ~ '^[0-9a-f]{64}$'),
      CONSTRAINT "CHK_${TABLE}_comment" CHECK (btrim("comment") <> ''),
      CONSTRAINT "CHK_${TABLE}_deviations" CHECK (jsonb_typeof("deviations") = 'array'),
      CONSTRAINT "CHK_${TABLE}_reviewer" CHECK ("reviewed_by_role" = 'qa-qp')
    )`);
    await q.query(
      `CREATE INDEX "IDX_${TABLE}_batch" ON "${S}"."${TABLE}" ("batch_number", "reviewed_at")`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: TABLE,
      functionName: FN,
      message: 'a batch record review is recorded once and never changed or deleted (QA-02)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, TABLE));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(S, TABLE, FN)) await q.query(sql);
    await q.query(`DROP TABLE "${S}"."${TABLE}"`);
  }
}
