import { hashSync } from 'bcryptjs';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { STEP_ROUTES } from '../journeys/step-routes';

/**
 * The training matrix (PER-01, OTH-02): a user may take a step only with a current record for
 * it. Seeded users are trained for their role's steps until the end of 2027; a seeded
 * `operator-untrained` has only an expired record, to show the refusal.
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
    await q.query(
      `INSERT INTO "gateway"."user_account" ("username", "password_hash", "role", "institution_id", "display_name")
       VALUES ('operator-untrained', $1, 'operator', NULL, 'Seeded operator whose training expired')`,
      [hashSync(process.env.SEED_USER_PASSWORD ?? 'change-me-now', 10)],
    );
    const users: Array<{ username: string; role: string }> = await q.query(
      `SELECT "username", "role" FROM "gateway"."user_account"`,
    );
    for (const user of users) {
      const expires = user.username === 'operator-untrained' ? '2025-06-30' : '2027-12-31';
      for (const [step, { roles }] of Object.entries(STEP_ROUTES)) {
        if (!(roles as string[]).includes(user.role)) continue;
        await q.query(
          `INSERT INTO "gateway"."training_record" ("username", "operation", "trained_on", "expires_on", "authorized_by")
           VALUES ($1, $2, '2025-01-01', $3, 'seed')`,
          [user.username, step, expires],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."training_record"`);
    await q.query(`DELETE FROM "gateway"."user_account" WHERE "username" = 'operator-untrained'`);
  }
}
