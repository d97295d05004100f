import { MigrationInterface, QueryRunner } from 'typeorm';

/** Electronic signatures (CSV-02): append-only; what was signed is kept with its hash. */
export class CreateElectronicSignatures1764115700000 implements MigrationInterface {
  name = 'CreateElectronicSignatures1764115700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."electronic_signature" (
      "signature_id" uuid NOT NULL,
      "signer" text NOT NULL,
      "signer_role" text NOT NULL,
      "meaning" text NOT NULL,
      "signed_at" timestamptz NOT NULL,
      "donor_code" text NOT NULL,
      "step" text NOT NULL,
      "event_id" text NOT NULL,
      "signed_content" jsonb NOT NULL,
      "signed_content_hash" char(64) NOT NULL,
      CONSTRAINT "PK_electronic_signature" PRIMARY KEY ("signature_id")
    )`);
    await q.query(
      `CREATE INDEX "IDX_electronic_signature_donor" ON "gateway"."electronic_signature" ("donor_code", "signed_at")`,
    );
    await q.query(`CREATE FUNCTION "gateway"."refuse_signature_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'electronic signatures cannot be edited or deleted (CSV-02)' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_electronic_signature_append_only" BEFORE UPDATE OR DELETE ON "gateway"."electronic_signature"
      FOR EACH ROW EXECUTE FUNCTION "gateway"."refuse_signature_change"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."electronic_signature"`);
    await q.query(`DROP FUNCTION "gateway"."refuse_signature_change"()`);
  }
}
