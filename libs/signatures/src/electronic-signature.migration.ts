import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceDatabaseRole } from '@v2v/database';

/**
 * The migration that gives a service's schema its register of electronic signatures: each
 * signature is written by the owning service in the transaction of the decision it signs,
 * once (its id is the key, so a signature cannot sign a second record), and never changed.
 * The service role gets SELECT and INSERT only.
 */
export function electronicSignatureMigration(schema: string, name: string) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE "${schema}"."electronic_signature" (
        "signature_id" uuid NOT NULL,
        "signer" text NOT NULL,
        "signer_role" text NOT NULL,
        "meaning" text NOT NULL,
        "signed_at" timestamptz NOT NULL,
        "signed_content_hash" char(64) NOT NULL,
        "record_type" text NOT NULL,
        "record_id" text NOT NULL,
        "donor_code" text,
        "seal" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "PK_electronic_signature" PRIMARY KEY ("signature_id")
      )`);
      await q.query(
        `CREATE INDEX "IDX_electronic_signature_donor_code" ON "${schema}"."electronic_signature" ("donor_code", "signed_at")`,
      );
      await q.query(
        `CREATE INDEX "IDX_electronic_signature_record" ON "${schema}"."electronic_signature" ("record_type", "record_id")`,
      );
      await q.query(`CREATE FUNCTION "${schema}"."refuse_signature_change"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'electronic signatures cannot be edited or deleted (CSV-02)' USING ERRCODE = 'insufficient_privilege';
        END $$`);
      await q.query(`CREATE TRIGGER "TRG_electronic_signature_append_only"
        BEFORE UPDATE OR DELETE ON "${schema}"."electronic_signature"
        FOR EACH ROW EXECUTE FUNCTION "${schema}"."refuse_signature_change"()`);
      const role = serviceDatabaseRole();
      await q.query(`DO $grants$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          EXECUTE 'GRANT SELECT, INSERT ON "${schema}"."electronic_signature" TO "${role}"';
        END IF;
      END $grants$`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}"."electronic_signature"`);
      await q.query(`DROP FUNCTION "${schema}"."refuse_signature_change"()`);
    }
  };
}
