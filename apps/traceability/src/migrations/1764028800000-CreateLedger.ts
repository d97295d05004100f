import { MigrationInterface, QueryRunner } from 'typeorm';
import { createInboxTableSql, dropInboxTableSql } from '@v2v/messaging';

const S = 'traceability';

export class CreateLedger1764028800000 implements MigrationInterface {
  name = 'CreateLedger1764028800000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createInboxTableSql(S)) await q.query(sql);
    // One chain per journey (chain_id = donor unique code) keeps appends parallel.
    await q.query(`CREATE TABLE "${S}"."ledger_entry" (
      "chain_id" text NOT NULL,
      "seq" bigint NOT NULL,
      "event_id" uuid NOT NULL,
      "message_type" text NOT NULL,
      "occurred_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "producer" text NOT NULL,
      "canonical_content" text NOT NULL,
      "content_hash" char(64) NOT NULL,
      "prev_hash" char(64) NOT NULL,
      "entry_hash" char(64) NOT NULL,
      CONSTRAINT "PK_ledger_entry" PRIMARY KEY ("chain_id", "seq"),
      CONSTRAINT "UQ_ledger_event" UNIQUE ("event_id"),
      CONSTRAINT "CHK_ledger_seq_positive" CHECK ("seq" >= 1)
    )`);
    // The chain head is locked on every append so that concurrent appends never fork a chain.
    await q.query(`CREATE TABLE "${S}"."ledger_chain_head" (
      "chain_id" text NOT NULL,
      "seq" bigint NOT NULL,
      "entry_hash" char(64) NOT NULL,
      CONSTRAINT "PK_ledger_chain_head" PRIMARY KEY ("chain_id")
    )`);
    await q.query(`CREATE TABLE "${S}"."donor_patient_link" (
      "donor_code" text NOT NULL,
      "patient_reference" text NOT NULL,
      "institution_id" text NOT NULL,
      "product_code" text NOT NULL,
      "linked_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_donor_patient_link" PRIMARY KEY ("donor_code")
    )`);
    await q.query(
      `CREATE INDEX "IDX_donor_patient_link_patient" ON "${S}"."donor_patient_link" ("patient_reference")`,
    );
    await q.query(`CREATE FUNCTION "${S}"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the traceability ledger is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['ledger_entry', 'donor_patient_link']) {
      await q.query(`CREATE TRIGGER "TRG_${table}_append_only" BEFORE UPDATE OR DELETE ON "${S}"."${table}"
        FOR EACH ROW EXECUTE FUNCTION "${S}"."refuse_change"()`);
      await q.query(`CREATE TRIGGER "TRG_${table}_no_truncate" BEFORE TRUNCATE ON "${S}"."${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "${S}"."refuse_change"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."donor_patient_link"`);
    await q.query(`DROP TABLE "${S}"."ledger_chain_head"`);
    await q.query(`DROP TABLE "${S}"."ledger_entry"`);
    await q.query(`DROP FUNCTION "${S}"."refuse_change"()`);
    for (const sql of dropInboxTableSql(S)) await q.query(sql);
  }
}
