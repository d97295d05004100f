import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops', 'data-logger', 'admin'`;

/** The production manager (§5(1) 生产管理负责人) owns the facility, processes and calendar. */
export class AddProductionManagerRole1765000000000 implements MigrationInterface {
  name = 'AddProductionManagerRole1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."user_account"
      DROP CONSTRAINT "CHK_user_account_role",
      ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN (${ROLES_BEFORE}, 'production-manager'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "gateway"."user_account" WHERE "role" = 'production-manager'`);
    await q.query(`ALTER TABLE "gateway"."user_account"
      DROP CONSTRAINT "CHK_user_account_role",
      ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN (${ROLES_BEFORE}))`);
  }
}
