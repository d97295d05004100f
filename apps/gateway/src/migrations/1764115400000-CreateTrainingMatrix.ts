import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The training matrix (PER-01, OTH-02): a user may take a step only with a current record for
 * it. Records are kept by the user administrator (`/api/admin/users/{username}/training-records`);
 * the demo users' records are seeded on a local machine only (tools/platform).
 */
export class CreateTrainingMatrix1764115400000 implements MigrationInterface {
  name = 'CreateTrainingMatrix1764115400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."training_record" (
      "id" bigserial NOT NULL,
      "username" text NOT NULL,
      "operation" text NOT NULL,
      "trained_on" date NOT NULL,
      "expires_on" date NOT NULL,
      "authorized_by" text NOT NULL,
      CONSTRAINT "PK_training_record" PRIMARY KEY ("id"),
      CONSTRAINT "FK_training_record_user" FOREIGN KEY ("username") REFERENCES "gateway"."user_account" ("username"),
      CONSTRAINT "CHK_training_record_dates" CHECK ("expires_on" >= "trained_on")
    )`);
    await q.query(
      `CREATE INDEX "IDX_training_record_user" ON "gateway"."training_record" ("username", "operation")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."training_record"`);
  }
}
