import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

const S = 'production';
const categories = `'vector', 'cytokine', 'growth-factor', 'enzyme', 'serum', 'feeder-cells', 'single-use-set', 'ivd-reagent'`;

/**
 * MAT-01, MAT-02, TRC-01: the key-material catalogue with its risk assessments and IVD
 * approvals, lots with their incoming inspection and QA decision, and the append-only record
 * of every consumption by a batch (the genealogy lot → batch → donor). The application checks
 * each rule first to answer with its rule ID; the constraints and triggers here hold whatever
 * the client.
 */
export class CreateKeyMaterials1764117000000 implements MigrationInterface {
  name = 'CreateKeyMaterials1764117000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."key_material" (
      "material_code" text NOT NULL,
      "name" text NOT NULL,
      "category" text NOT NULL,
      "risk_level" text NOT NULL,
      "risk_summary" text NOT NULL,
      "risk_assessed_by" text NOT NULL,
      "risk_assessed_on" date NOT NULL,
      "ivd_approval_status" text,
      "ivd_marker" text,
      "ivd_justification" text,
      "registered_by" text NOT NULL,
      "registered_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_key_material" PRIMARY KEY ("material_code"),
      CONSTRAINT "CHK_key_material_category" CHECK ("category" IN (${categories})),
      CONSTRAINT "CHK_key_material_risk" CHECK ("risk_level" IN ('high', 'medium', 'low') AND btrim("risk_summary") <> '' AND btrim("risk_assessed_by") <> ''),
      -- MAT-02. COALESCE: a CHECK whose expression is NULL passes, so a missing value must compare false.
      CONSTRAINT "CHK_key_material_ivd" CHECK (
        ("category" = 'ivd-reagent' AND COALESCE("ivd_approval_status" IN ('blood-screening-approved', 'diagnostic-only', 'not-approved'), false) AND COALESCE(btrim("ivd_marker"), '') <> '')
        OR ("category" <> 'ivd-reagent' AND "ivd_approval_status" IS NULL AND "ivd_marker" IS NULL AND "ivd_justification" IS NULL)),
      CONSTRAINT "CHK_key_material_ivd_justification" CHECK (
        "ivd_approval_status" IS DISTINCT FROM 'diagnostic-only' AND "ivd_approval_status" IS DISTINCT FROM 'not-approved'
        OR COALESCE(btrim("ivd_justification"), '') <> '')
    )`);

    // Lot ids are generated (KML-<year>-<seq>); the seeded lots take 1–8.
    await q.query(`CREATE SEQUENCE "${S}"."key_material_lot_seq" START WITH 9`);
    await q.query(`CREATE TABLE "${S}"."key_material_lot" (
      "lot_id" text NOT NULL,
      "material_code" text NOT NULL,
      "supplier" text NOT NULL,
      "supplier_lot" text NOT NULL,
      "expires_on" date NOT NULL,
      "coa_checked" boolean NOT NULL,
      "inspection_result" text NOT NULL,
      "inspection_note" text,
      "inspected_by" text NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "receipt_event_id" text NOT NULL,
      "status" text NOT NULL DEFAULT 'quarantine',
      "decided_by" text,
      "decided_at" timestamptz,
      "decision_comment" text,
      "decision_event_id" text,
      "decision_signature" jsonb,
      CONSTRAINT "PK_key_material_lot" PRIMARY KEY ("lot_id"),
      CONSTRAINT "FK_key_material_lot_material" FOREIGN KEY ("material_code") REFERENCES "${S}"."key_material" ("material_code"),
      CONSTRAINT "UQ_key_material_lot_receipt_event" UNIQUE ("receipt_event_id"),
      CONSTRAINT "UQ_key_material_lot_decision_event" UNIQUE ("decision_event_id"),
      CONSTRAINT "CHK_key_material_lot_inspection" CHECK ("inspection_result" IN ('pass', 'fail')),
      CONSTRAINT "CHK_key_material_lot_status" CHECK ("status" IN ('quarantine', 'released', 'rejected')),
      -- A decided lot names who decided, when, and carries the signature (seeded lots excepted).
      CONSTRAINT "CHK_key_material_lot_decision" CHECK (
        ("status" = 'quarantine' AND "decided_by" IS NULL AND "decided_at" IS NULL AND "decision_signature" IS NULL)
        OR ("status" <> 'quarantine' AND "decided_by" IS NOT NULL AND "decided_at" IS NOT NULL
            AND ("decision_signature" IS NOT NULL OR "decided_by" = 'seed'))),
      -- MAT-01: a release needs a passed inspection with the certificate of analysis checked.
      CONSTRAINT "CHK_key_material_lot_release" CHECK ("status" <> 'released' OR ("inspection_result" = 'pass' AND "coa_checked"))
    )`);
    await q.query(
      `CREATE INDEX "IDX_key_material_lot_material" ON "${S}"."key_material_lot" ("material_code", "received_at")`,
    );
    // The inspection record never changes, the decision is taken once, a lot is never deleted.
    await q.query(`CREATE FUNCTION "${S}"."guard_key_material_lot"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'key-material lot % cannot be deleted (MAT-01)', OLD."lot_id" USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD."status" <> 'quarantine' THEN
          RAISE EXCEPTION 'key-material lot % was already %: a QA decision on a lot is final (MAT-01)', OLD."lot_id", OLD."status" USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW."lot_id", NEW."material_code", NEW."supplier", NEW."supplier_lot", NEW."expires_on", NEW."coa_checked",
            NEW."inspection_result", NEW."inspection_note", NEW."inspected_by", NEW."received_at", NEW."receipt_event_id")
           IS DISTINCT FROM (OLD."lot_id", OLD."material_code", OLD."supplier", OLD."supplier_lot", OLD."expires_on", OLD."coa_checked",
            OLD."inspection_result", OLD."inspection_note", OLD."inspected_by", OLD."received_at", OLD."receipt_event_id") THEN
          RAISE EXCEPTION 'the incoming inspection record of key-material lot % cannot be changed (MAT-01)', OLD."lot_id" USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_key_material_lot_guard" BEFORE UPDATE OR DELETE ON "${S}"."key_material_lot"
      FOR EACH ROW EXECUTE FUNCTION "${S}"."guard_key_material_lot"()`);

    // No foreign key to the batch: the batch row may be deleted once its retention ends (QA-03),
    // the genealogy keeps its number and donor code. The use case reads the batch in the same
    // transaction, so a consumption always names a batch that was in production.
    await q.query(`CREATE TABLE "${S}"."key_material_consumption" (
      "consumption_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "lot_id" text NOT NULL,
      "batch_number" text NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "quantity" numeric NOT NULL,
      "unit" text NOT NULL,
      "consumed_by" text NOT NULL,
      "consumed_by_role" text NOT NULL,
      "consumed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_key_material_consumption" PRIMARY KEY ("consumption_id"),
      CONSTRAINT "UQ_key_material_consumption_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_key_material_consumption_lot" FOREIGN KEY ("lot_id") REFERENCES "${S}"."key_material_lot" ("lot_id"),
      CONSTRAINT "CHK_key_material_consumption_quantity" CHECK ("quantity" > 0)
    )`);
    await q.query(
      `CREATE INDEX "IDX_key_material_consumption_lot" ON "${S}"."key_material_consumption" ("lot_id", "consumed_at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_key_material_consumption_donor" ON "${S}"."key_material_consumption" ("donor_code", "consumed_at")`,
    );
    await q.query(`CREATE FUNCTION "${S}"."refuse_key_material_consumption_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'key-material consumption records cannot be edited or deleted: % on %.% is refused (MAT-01)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_key_material_consumption_append_only" BEFORE UPDATE OR DELETE ON "${S}"."key_material_consumption"
      FOR EACH ROW EXECUTE FUNCTION "${S}"."refuse_key_material_consumption_change"()`);
    await q.query(`CREATE TRIGGER "TRG_key_material_consumption_no_truncate" BEFORE TRUNCATE ON "${S}"."key_material_consumption"
      FOR EACH STATEMENT EXECUTE FUNCTION "${S}"."refuse_key_material_consumption_change"()`);

    // Grants run again for the new tables. Every append-only table of the schema is listed, as
    // the GRANT on ALL TABLES would otherwise give UPDATE/DELETE back on the earlier ones.
    await q.query(
      serviceRoleGrantsSql(S, ['audit_entry', 'product_specification', 'key_material_consumption']),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."key_material_consumption"`);
    await q.query(`DROP FUNCTION "${S}"."refuse_key_material_consumption_change"()`);
    await q.query(`DROP TABLE "${S}"."key_material_lot"`);
    await q.query(`DROP FUNCTION "${S}"."guard_key_material_lot"()`);
    await q.query(`DROP SEQUENCE "${S}"."key_material_lot_seq"`);
    await q.query(`DROP TABLE "${S}"."key_material"`);
  }
}
