import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts earlier migrations seeded (one per role, a second hospital user, the data-logger
 * integration account) with a published default password. 1764900000001 only forced a password
 * change at the next login, but whoever knows the default can log in and choose the new one: an
 * account taken over, not protected. Those whose password was never changed are disabled here;
 * an administrator re-enables one with a new temporary password (user administration API). The
 * local demo seeder re-creates its accounts enabled, so only deployments are affected.
 */
const LEGACY_SEEDED_USERNAMES = [
  'scheduler',
  'hospital',
  'operator',
  'qc',
  'qa-qp',
  'ops',
  'hospital-inst-002',
  'data-logger',
];
const DISABLED_BY = 'migration:DisableLegacySeededAccounts1765001400000';

export class DisableLegacySeededAccounts1765001400000 implements MigrationInterface {
  name = 'DisableLegacySeededAccounts1765001400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE "gateway"."user_account" SET "disabled_at" = clock_timestamp(), "disabled_by" = $2
        WHERE "username" = ANY($1) AND "password_changed_at" IS NULL AND "disabled_at" IS NULL`,
      [LEGACY_SEEDED_USERNAMES, DISABLED_BY],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE "gateway"."user_account" SET "disabled_at" = NULL, "disabled_by" = NULL
        WHERE "disabled_by" = $1`,
      [DISABLED_BY],
    );
  }
}
