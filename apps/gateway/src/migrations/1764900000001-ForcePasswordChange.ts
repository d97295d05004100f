import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops', 'data-logger'`;

/**
 * Account administration: the `admin` role, disabled accounts, and a forced password change.
 * Every account that exists when this runs must change its password at its next login: earlier
 * migrations seeded accounts with a published default password, and those must not stay
 * usable. New accounts get the flag too (the column's default), so no path that creates an
 * account can leave a known temporary password usable; only the local demo seeder clears it.
 * A hospital account belongs to exactly one institution, and only hospital accounts have one.
 */
export class ForcePasswordChange1764900000001 implements MigrationInterface {
  name = 'ForcePasswordChange1764900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."user_account"
      ADD COLUMN "must_change_password" boolean NOT NULL DEFAULT true,
      ADD COLUMN "password_changed_at" timestamptz,
      ADD COLUMN "disabled_at" timestamptz,
      ADD COLUMN "disabled_by" text,
      DROP CONSTRAINT "CHK_user_account_role",
      ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN (${ROLES_BEFORE}, 'admin')),
      ADD CONSTRAINT "CHK_user_account_institution" CHECK (("role" = 'hospital') = ("institution_id" IS NOT NULL)),
      ADD CONSTRAINT "CHK_user_account_disabled" CHECK (("disabled_at" IS NULL) = ("disabled_by" IS NULL))`);
    await q.query(`UPDATE "gateway"."user_account" SET "must_change_password" = true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "gateway"."user_account" WHERE "role" = 'admin'`);
    await q.query(`ALTER TABLE "gateway"."user_account"
      DROP CONSTRAINT "CHK_user_account_disabled",
      DROP CONSTRAINT "CHK_user_account_institution",
      DROP CONSTRAINT "CHK_user_account_role",
      ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN (${ROLES_BEFORE})),
      DROP COLUMN "disabled_by",
      DROP COLUMN "disabled_at",
      DROP COLUMN "password_changed_at",
      DROP COLUMN "must_change_password"`);
  }
}
