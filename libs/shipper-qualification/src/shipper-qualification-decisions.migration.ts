import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

/**
 * MAT-03: QA's signed decisions on a service's shipper/lane configurations (qualification,
 * requalification, withdrawal), append-only, and the evidence and status they leave on the
 * configuration. `appendOnly` lists the schema's earlier append-only tables, which the
 * grants must keep so.
 */
export function shipperQualificationDecisionsMigration(
  schema: string,
  appendOnly: string[],
  name: string,
) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE "${schema}"."qualified_shipper"
        ADD COLUMN "status" text NOT NULL DEFAULT 'qualified',
        ADD COLUMN "evidence" jsonb,
        ADD CONSTRAINT "CHK_${schema}_qualified_shipper_status" CHECK ("status" IN ('qualified', 'withdrawn'))`);
      await q.query(`CREATE TABLE "${schema}"."shipper_qualification_decision" (
        "decision_id" text NOT NULL,
        "shipper_id" text NOT NULL,
        "decision" text NOT NULL,
        "detail" jsonb NOT NULL,
        "decided_by" text NOT NULL,
        "decided_role" text NOT NULL,
        "signature" jsonb NOT NULL,
        "decided_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_${schema}_shipper_qualification_decision" PRIMARY KEY ("decision_id"),
        CONSTRAINT "FK_${schema}_shipper_qualification_decision_shipper" FOREIGN KEY ("shipper_id") REFERENCES "${schema}"."qualified_shipper" ("shipper_id"),
        CONSTRAINT "CHK_${schema}_shipper_qualification_decision" CHECK ("decision" IN ('qualified', 'withdrawn'))
      )`);
      await q.query(`CREATE FUNCTION "${schema}"."refuse_shipper_decision_change"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'shipper qualification decisions are evidence and cannot be edited or deleted (CSV-01)' USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await q.query(`CREATE TRIGGER "TRG_shipper_qualification_decision_append_only" BEFORE UPDATE OR DELETE ON "${schema}"."shipper_qualification_decision"
        FOR EACH ROW EXECUTE FUNCTION "${schema}"."refuse_shipper_decision_change"()`);
      await q.query(
        serviceRoleGrantsSql(schema, [...appendOnly, 'shipper_qualification_decision']),
      );
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}"."shipper_qualification_decision"`);
      await q.query(`DROP FUNCTION "${schema}"."refuse_shipper_decision_change"()`);
      await q.query(
        `ALTER TABLE "${schema}"."qualified_shipper" DROP CONSTRAINT "CHK_${schema}_qualified_shipper_status", DROP COLUMN "evidence", DROP COLUMN "status"`,
      );
    }
  };
}
