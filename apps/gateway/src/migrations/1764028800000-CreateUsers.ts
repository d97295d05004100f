import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'gateway';

/**
 * User accounts. No account is created here: a deployment bootstraps its first administrator
 * with `npm run bootstrap-admin`, and the demo users exist only on a local machine
 * (tools/platform/demo-users.seeder.ts). Earlier versions seeded one account per role with a
 * known password; 1764900000001-ForcePasswordChange makes those unusable until changed.
 */
export class CreateUsers1764028800000 implements MigrationInterface {
  name = 'CreateUsers1764028800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."user_account" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "username" text NOT NULL,
      "password_hash" text NOT NULL,
      "role" text NOT NULL,
      "institution_id" text,
      "display_name" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_user_account" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_user_account_username" UNIQUE ("username"),
      CONSTRAINT "CHK_user_account_role" CHECK ("role" IN ('scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops'))
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."user_account"`);
  }
}
