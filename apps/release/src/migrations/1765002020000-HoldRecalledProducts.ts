import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';
import { createInboxTableSql, dropInboxTableSql, setAsideMigration } from '@v2v/messaging';

const S = 'release';
const NAME = 'HoldRecalledProducts1765002020000';
const TABLE = 'recall_hold';
const FN = `refuse_${TABLE}_change`;
/** The consumer's set-aside table (CSV-04): `inbox_rejected` becomes `set_aside_message`. */
const SetAsideInbox = setAsideMigration(S, `${NAME}-set-aside`, { inbox: true, outbox: false });

/**
 * QA-04: release keeps its own copy of each recall that reached a journey (from production's
 * `recall.notified.v1`, no cross-schema read), so that shipment, receipt at site and infusion
 * of a recalled product are refused where they are written. Once per recall and donor code,
 * append-only: a recall stands. Release gets the inbox its consumer needs, once per event.
 */
export class HoldRecalledProducts1765002020000 implements MigrationInterface {
  name = NAME;

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createInboxTableSql(S)) await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'inbox'));
    await new SetAsideInbox().up(q);
    await q.query(`CREATE TABLE "${S}"."${TABLE}" (
      "recall_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "event_id" uuid NOT NULL,
      "classification" text NOT NULL,
      "scope" text NOT NULL,
      "subject" text NOT NULL,
      "batch_numbers" text[] NOT NULL,
      "reason" text NOT NULL,
      "decided_at" timestamptz NOT NULL,
      "decided_by" text NOT NULL,
      "decided_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${TABLE}" PRIMARY KEY ("recall_id", "donor_code"),
      CONSTRAINT "CHK_${TABLE}_classification" CHECK ("classification" IN ('I', 'II', 'III')),
      CONSTRAINT "CHK_${TABLE}_scope" CHECK ("scope" IN ('batch', 'key-material-lot'))
    )`);
    await q.query(`CREATE INDEX "IDX_${TABLE}_donor_code" ON "${S}"."${TABLE}" ("donor_code")`);
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: TABLE,
      functionName: FN,
      message: 'a recall hold is recorded once and never changed or deleted (QA-04)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, TABLE));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(S, TABLE, FN)) await q.query(sql);
    await q.query(`DROP TABLE "${S}"."${TABLE}"`);
    await new SetAsideInbox().down(q);
    for (const sql of dropInboxTableSql(S)) await q.query(sql);
  }
}
