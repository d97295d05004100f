import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'release';
const C = `"${S}"."product_emergency_closure"`;

/**
 * QA-04: QA's closure of an emergency gains the preventive action, the product's disposition and
 * the recall decision. Nullable: closures recorded before stay readable as they were; the table
 * stays append-only. A decision is whole or absent, a recall decision is one or the other.
 */
export class RecordEmergencyDecisions1765002401000 implements MigrationInterface {
  name = 'RecordEmergencyDecisions1765002401000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${C}
      ADD COLUMN "preventive_action" text,
      ADD COLUMN "disposition" text,
      ADD COLUMN "recall_decision" text,
      ADD COLUMN "recall_rationale" text,
      ADD COLUMN "recall_id" text,
      ADD CONSTRAINT "CHK_product_emergency_closure_disposition"
        CHECK ("disposition" IN ('use', 'destroy', 'return-to-manufacturer')),
      ADD CONSTRAINT "CHK_product_emergency_closure_decision" CHECK (
        ("preventive_action" IS NULL AND "disposition" IS NULL AND "recall_decision" IS NULL
          AND "recall_rationale" IS NULL AND "recall_id" IS NULL)
        OR (btrim("preventive_action") <> '' AND "disposition" IS NOT NULL AND (
          ("recall_decision" = 'not-needed' AND btrim("recall_rationale") <> ''
            AND "recall_id" IS NULL)
          OR ("recall_decision" = 'raised' AND btrim("recall_id") <> ''
            AND "recall_rationale" IS NULL))))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${C}
      DROP CONSTRAINT "CHK_product_emergency_closure_decision",
      DROP CONSTRAINT "CHK_product_emergency_closure_disposition",
      DROP COLUMN "recall_id",
      DROP COLUMN "recall_rationale",
      DROP COLUMN "recall_decision",
      DROP COLUMN "disposition",
      DROP COLUMN "preventive_action"`);
  }
}
