import { hashSync } from 'bcryptjs';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROLES } from '@v2v/contracts';
import { serviceRoleGrantsSql } from '@v2v/database';
import { createOutboxTableSql, dropOutboxTableSql } from '@v2v/messaging';

/**
 * Telemetry intake (GEN-01): the device role data loggers post with, its seeded account, and
 * the gateway's outbox, through which the readings reach Kafka.
 */
export class CreateTelemetryIntake1764116600000 implements MigrationInterface {
  name = 'CreateTelemetryIntake1764116600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."user_account" DROP CONSTRAINT "CHK_user_account_role"`);
    await q.query(
      `ALTER TABLE "gateway"."user_account" ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN (${ROLES.map((r) => `'${r}'`).join(', ')}))`,
    );
    await q.query(
      `INSERT INTO "gateway"."user_account" ("username", "password_hash", "role", "institution_id", "display_name")
       VALUES ('data-logger', $1, 'data-logger', NULL, 'Seeded data-logger integration account')`,
      [hashSync(process.env.SEED_USER_PASSWORD ?? 'change-me-now', 10)],
    );
    for (const sql of createOutboxTableSql('gateway')) await q.query(sql);
    await q.query(
      serviceRoleGrantsSql('gateway', ['electronic_signature', 'access_refusal', 'audit_entry']),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql('gateway')) await q.query(sql);
    await q.query(`DELETE FROM "gateway"."user_account" WHERE "username" = 'data-logger'`);
  }
}
