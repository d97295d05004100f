import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const TABLE = 'em_deviation_closure';
const FN = `refuse_${TABLE}_change`;

/**
 * PRD-05, DON-06.4: QA's signed closure of the deviation an excursion raised on a journey, with
 * its investigation, root cause and corrective action; once per deviation (the primary key),
 * append-only, and only of a deviation on record with the signature recorded (the foreign keys).
 */
export class CreateEmDeviationClosures1765000850000 implements MigrationInterface {
  name = 'CreateEmDeviationClosures1765000850000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."${TABLE}" (
      "deviation_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "investigation" text NOT NULL,
      "root_cause" text NOT NULL,
      "corrective_action" text NOT NULL,
      "signature_id" uuid NOT NULL,
      "closed_by" text NOT NULL,
      "closed_by_role" text NOT NULL,
      "closed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${TABLE}" PRIMARY KEY ("deviation_id"),
      CONSTRAINT "FK_${TABLE}_deviation" FOREIGN KEY ("deviation_id")
        REFERENCES "${S}"."em_exposed_batch" ("deviation_id"),
      CONSTRAINT "FK_${TABLE}_signature" FOREIGN KEY ("signature_id")
        REFERENCES "${S}"."electronic_signature" ("signature_id")
    )`);
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: TABLE,
      functionName: FN,
      message: 'a deviation closure is recorded once and never changed or deleted (PRD-05)',
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
