import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OTH-02: a hospital clinician's training record for a step the hospital signs carries its
 * assessment: method, result, assessor (another user) and date, from the training date on.
 * Nullable together: other roles' records carry none, nor do records entered before; those of
 * hospital-signed steps then no longer authorize (the rule, not the table, says which).
 */
export class AddTrainingAssessments1765002300000 implements MigrationInterface {
  name = 'AddTrainingAssessments1765002300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."training_record"
      ADD COLUMN "assessment_method" text,
      ADD COLUMN "assessment_result" text,
      ADD COLUMN "assessor" text,
      ADD COLUMN "assessed_on" date,
      ADD CONSTRAINT "CHK_training_record_assessment" CHECK (
        ("assessment_method" IS NULL AND "assessment_result" IS NULL AND "assessor" IS NULL
          AND "assessed_on" IS NULL)
        OR ("assessment_method" IN ('written', 'practical', 'observed')
          AND "assessment_result" IN ('passed', 'failed')
          AND "assessor" IS NOT NULL AND "assessor" <> "username"
          AND "assessed_on" >= "trained_on"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."training_record"
      DROP CONSTRAINT "CHK_training_record_assessment",
      DROP COLUMN "assessed_on",
      DROP COLUMN "assessor",
      DROP COLUMN "assessment_result",
      DROP COLUMN "assessment_method"`);
  }
}
