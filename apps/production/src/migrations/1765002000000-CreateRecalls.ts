import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const TABLES = [
  { table: 'recall', what: 'a recall' },
  { table: 'recall_unit', what: "a recall's affected journey" },
  { table: 'recall_unit_disposition', what: "a recalled unit's disposition" },
] as const;
const fn = (table: string) => `refuse_${table}_change`;

/**
 * QA-04, TRC-01: QA's signed recall of a batch or of a key-material lot (its id is the decision's
 * event id), the journeys the genealogy found for it when it was made, and how each unit ended:
 * once per unit (the primary key), only of a unit on record (the foreign key). All append-only:
 * a recall and its reach are facts, a unit's end is a new row.
 */
export class CreateRecalls1765002000000 implements MigrationInterface {
  name = 'CreateRecalls1765002000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."recall" (
      "recall_id" uuid NOT NULL,
      "scope" text NOT NULL,
      "batch_number" text,
      "lot_id" text,
      "reason" text NOT NULL,
      "classification" text NOT NULL,
      "signature_id" uuid NOT NULL,
      "decided_by" text NOT NULL,
      "decided_by_role" text NOT NULL,
      "decided_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_recall" PRIMARY KEY ("recall_id"),
      CONSTRAINT "FK_recall_batch" FOREIGN KEY ("batch_number")
        REFERENCES "${S}"."batch" ("batch_number"),
      CONSTRAINT "FK_recall_lot" FOREIGN KEY ("lot_id")
        REFERENCES "${S}"."key_material_lot" ("lot_id"),
      CONSTRAINT "FK_recall_signature" FOREIGN KEY ("signature_id")
        REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "CHK_recall_scope" CHECK (
        ("scope" = 'batch' AND "batch_number" IS NOT NULL AND "lot_id" IS NULL)
        OR ("scope" = 'key-material-lot' AND "lot_id" IS NOT NULL AND "batch_number" IS NULL)),
      CONSTRAINT "CHK_recall_classification" CHECK ("classification" IN ('I', 'II', 'III')),
      CONSTRAINT "CHK_recall_reason" CHECK (btrim("reason") <> '')
    )`);
    await q.query(`CREATE TABLE "${S}"."recall_unit" (
      "recall_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "batch_numbers" text[] NOT NULL,
      CONSTRAINT "PK_recall_unit" PRIMARY KEY ("recall_id", "donor_code"),
      CONSTRAINT "FK_recall_unit_recall" FOREIGN KEY ("recall_id")
        REFERENCES "${S}"."recall" ("recall_id"),
      CONSTRAINT "CHK_recall_unit_batches" CHECK (cardinality("batch_numbers") > 0)
    )`);
    await q.query(
      `CREATE INDEX "IDX_recall_unit_donor_code" ON "${S}"."recall_unit" ("donor_code")`,
    );
    await q.query(`CREATE TABLE "${S}"."recall_unit_disposition" (
      "recall_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "event_id" uuid NOT NULL,
      "disposition" text NOT NULL,
      "note" text NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_recall_unit_disposition" PRIMARY KEY ("recall_id", "donor_code"),
      CONSTRAINT "UQ_recall_unit_disposition_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_recall_unit_disposition_unit" FOREIGN KEY ("recall_id", "donor_code")
        REFERENCES "${S}"."recall_unit" ("recall_id", "donor_code"),
      CONSTRAINT "CHK_recall_unit_disposition" CHECK (
        "disposition" IN ('returned', 'destroyed', 'already-infused')),
      CONSTRAINT "CHK_recall_unit_disposition_note" CHECK (btrim("note") <> '')
    )`);
    for (const { table, what } of TABLES) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName: fn(table),
        message: `${what} is recorded once and never changed or deleted (QA-04)`,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of [...TABLES].reverse()) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, fn(table))) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
