import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';
import { createOutboxTableSql, dropOutboxTableSql } from '@v2v/messaging';

/**
 * Telemetry intake (GEN-01): the device role data loggers post with and the gateway's outbox,
 * through which the readings reach Kafka. Device accounts are created by the user administrator
 * (the local `data-logger` demo account by tools/platform).
 */
export class CreateTelemetryIntake1764116600000 implements MigrationInterface {
  name = 'CreateTelemetryIntake1764116600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."user_account" DROP CONSTRAINT "CHK_user_account_role"`);
    await q.query(
      `ALTER TABLE "gateway"."user_account" ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN ('scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops', 'data-logger'))`,
    );
    for (const sql of createOutboxTableSql('gateway')) await q.query(sql);
    await q.query(
      serviceRoleGrantsSql('gateway', ['electronic_signature', 'access_refusal', 'audit_entry']),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql('gateway')) await q.query(sql);
    await q.query(`DELETE FROM "gateway"."user_account" WHERE "role" = 'data-logger'`);
    await q.query(`ALTER TABLE "gateway"."user_account" DROP CONSTRAINT "CHK_user_account_role"`);
    await q.query(
      `ALTER TABLE "gateway"."user_account" ADD CONSTRAINT "CHK_user_account_role" CHECK ("role" IN ('scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops'))`,
    );
  }
}
