import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const TABLE = 'batch_deviation_closure';
const FN = `refuse_${TABLE}_change`;

/**
 * QA-02.3: QA's signed closure of a deviation the batch record raised, with its investigation,
 * root cause and corrective action; once per deviation (the primary key), append-only, only by
 * QA (the role check), and only of a deviation on record with its signature recorded (the
 * foreign keys).
 */
export class CreateBatchDeviationClosures1765001200000 implements MigrationInterface {
  name = 'CreateBatchDeviationClosures1765001200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."${TABLE}" (
      "deviation_id" uuid NOT NULL,
      "batch_number" text NOT NULL,
      "donor_code" text NOT NULL,
      "investigation" text NOT NULL,
      "root_cause" text NOT NULL,
      "corrective_action" text NOT NULL,
      "signature_id" uuid NOT NULL,
      "closed_by" text NOT NULL,
      "closed_by_role" text NOT NULL,
      "closed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${TABLE}" PRIMARY KEY ("deviation_id"),
      CONSTRAINT "UQ_${TABLE}_signature" UNIQUE ("signature_id"),
      CONSTRAINT "FK_${TABLE}_deviation" FOREIGN KEY ("deviation_id")
        REFERENCES "${S}"."batch_deviation" ("deviation_id"),
      CONSTRAINT "FK_${TABLE}_batch" FOREIGN KEY ("batch_number")
        REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "FK_${TABLE}_signature" FOREIGN KEY ("signature_id")
        REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "CHK_${TABLE}_texts" CHECK (btrim("investigation") <> ''
        AND btrim("root_cause") <> '' AND btrim("corrective_action") <> ''),
      CONSTRAINT "CHK_${TABLE}_closer" CHECK ("closed_by_role" = 'qa-qp')
    )`);
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: TABLE,
      functionName: FN,
      message: 'a batch deviation closure is recorded once and never changed or deleted (QA-02)',
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
