import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signatures on decisions that are not journey steps (an institution's qualification, a
 * specification's publication, a key-material lot's release): they name the signed record
 * instead of a donor code and step. Every signature names exactly one of the two.
 */
export class SignRecordDecisions1764116200000 implements MigrationInterface {
  name = 'SignRecordDecisions1764116200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."electronic_signature"
      ALTER COLUMN "donor_code" DROP NOT NULL,
      ALTER COLUMN "step" DROP NOT NULL,
      ADD COLUMN "record_type" text,
      ADD COLUMN "record_id" text,
      ADD CONSTRAINT "CHK_electronic_signature_subject" CHECK (
        ("donor_code" IS NOT NULL AND "step" IS NOT NULL AND "record_type" IS NULL AND "record_id" IS NULL)
        OR ("donor_code" IS NULL AND "step" IS NULL AND "record_type" IS NOT NULL AND "record_id" IS NOT NULL))`);
    await q.query(
      `CREATE INDEX "IDX_electronic_signature_record" ON "gateway"."electronic_signature" ("record_type", "record_id", "signed_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."IDX_electronic_signature_record"`);
    await q.query(`ALTER TABLE "gateway"."electronic_signature"
      DROP CONSTRAINT "CHK_electronic_signature_subject",
      DROP COLUMN "record_id",
      DROP COLUMN "record_type",
      ALTER COLUMN "step" SET NOT NULL,
      ALTER COLUMN "donor_code" SET NOT NULL`);
  }
}
