import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'release';
const SHIPMENT_FUNCTION = 'refuse_instructions_for_use_shipment_change';
const ACKNOWLEDGEMENT_FUNCTION = 'refuse_instructions_for_use_acknowledgement_change';

/**
 * OTH-01: which version's instructions for use travelled with each shipment (their content
 * and its hash, written in the shipment's transaction) and the hospital's acknowledgement of
 * their receipt, one per shipment. Both are records: never changed or deleted.
 */
export class CreateInstructionsForUseRecords1765001600000 implements MigrationInterface {
  name = 'CreateInstructionsForUseRecords1765001600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."instructions_for_use_shipment" (
      "shipment_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "shipment_event_id" text NOT NULL,
      "product_code" text NOT NULL,
      "specification_version" integer NOT NULL,
      "content_sha256" text NOT NULL,
      "instructions" jsonb NOT NULL,
      "shipped_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_instructions_for_use_shipment" PRIMARY KEY ("shipment_id"),
      CONSTRAINT "UQ_instructions_for_use_shipment_event" UNIQUE ("shipment_event_id"),
      CONSTRAINT "CHK_instructions_for_use_shipment_hash" CHECK ("content_sha256" ~ '^[0-9a-f]{64}$'),
      CONSTRAINT "CHK_instructions_for_use_shipment_version" CHECK ("specification_version" > 0)
    )`);
    await q.query(
      `CREATE INDEX "IDX_instructions_for_use_shipment_donor" ON "${S}"."instructions_for_use_shipment" ("donor_code", "recorded_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."instructions_for_use_acknowledgement" (
      "acknowledgement_id" uuid NOT NULL,
      "shipment_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "content_sha256" text NOT NULL,
      "acknowledged_by" text NOT NULL,
      "acknowledged_by_role" text NOT NULL,
      "institution_id" text,
      "acknowledged_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_instructions_for_use_acknowledgement" PRIMARY KEY ("acknowledgement_id"),
      CONSTRAINT "UQ_instructions_for_use_acknowledgement_shipment" UNIQUE ("shipment_id"),
      CONSTRAINT "FK_instructions_for_use_acknowledgement_shipment" FOREIGN KEY ("shipment_id")
        REFERENCES "${S}"."instructions_for_use_shipment" ("shipment_id"),
      CONSTRAINT "CHK_instructions_for_use_acknowledgement_role"
        CHECK ("acknowledged_by_role" = 'hospital')
    )`);
    for (const [table, functionName, message] of [
      [
        'instructions_for_use_shipment',
        SHIPMENT_FUNCTION,
        'the instructions for use shipped with a product are recorded once and never changed or deleted (OTH-01)',
      ],
      [
        'instructions_for_use_acknowledgement',
        ACKNOWLEDGEMENT_FUNCTION,
        'an acknowledgement of instructions for use is recorded once and never changed or deleted (OTH-01)',
      ],
    ]) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName,
        message,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'instructions_for_use_acknowledgement',
      ACKNOWLEDGEMENT_FUNCTION,
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."instructions_for_use_acknowledgement"`);
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'instructions_for_use_shipment',
      SHIPMENT_FUNCTION,
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."instructions_for_use_shipment"`);
  }
}
