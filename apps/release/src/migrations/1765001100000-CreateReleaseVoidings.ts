import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'release';
const FUNCTION = 'refuse_release_voiding_change';

/**
 * A recorded release found void (CSV-02): something its gates covered changed after the
 * qualified person signed. One voiding per release (its event id), never changed or deleted;
 * the shipment of a voided release is refused until a new release is recorded.
 */
export class CreateReleaseVoidings1765001100000 implements MigrationInterface {
  name = 'CreateReleaseVoidings1765001100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."release_voiding" (
      "voiding_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "batch_number" text NOT NULL,
      "release_event_id" text NOT NULL,
      "release_record_id" uuid NOT NULL,
      "reason" text NOT NULL,
      "changed_items" text[] NOT NULL,
      "voided_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_release_voiding" PRIMARY KEY ("voiding_id"),
      CONSTRAINT "UQ_release_voiding_release" UNIQUE ("release_event_id"),
      CONSTRAINT "FK_release_voiding_release" FOREIGN KEY ("release_record_id")
        REFERENCES "${S}"."step_record" ("id"),
      CONSTRAINT "CHK_release_voiding_reason" CHECK (btrim("reason") <> ''),
      CONSTRAINT "CHK_release_voiding_changed" CHECK (cardinality("changed_items") > 0)
    )`);
    await q.query(
      `CREATE INDEX "IDX_release_voiding_donor" ON "${S}"."release_voiding" ("donor_code", "voided_at")`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'release_voiding',
      functionName: FUNCTION,
      message: 'a release voiding is recorded once and never changed or deleted (CSV-02)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'release_voiding'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(S, 'release_voiding', FUNCTION)) await q.query(sql);
    await q.query(`DROP TABLE "${S}"."release_voiding"`);
  }
}
