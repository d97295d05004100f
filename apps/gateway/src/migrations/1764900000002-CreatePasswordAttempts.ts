import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

/**
 * Every password entry (login, signature re-entry, password change) is one row, written before
 * the password is compared (`pending`) and settled after, so gateway replicas answering at once
 * see each other's attempts and the lockout holds across them. Keyed by the username as typed
 * (whether or not it exists) and by the source address of logins.
 */
export class CreatePasswordAttempts1764900000002 implements MigrationInterface {
  name = 'CreatePasswordAttempts1764900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."password_attempt" (
      "id" bigserial NOT NULL,
      "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "username" text NOT NULL,
      "source" text,
      "context" text NOT NULL,
      "outcome" text NOT NULL DEFAULT 'pending',
      CONSTRAINT "PK_password_attempt" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_password_attempt_context" CHECK ("context" IN ('login', 'signature', 'password-change')),
      CONSTRAINT "CHK_password_attempt_outcome" CHECK ("outcome" IN ('pending', 'failure', 'success'))
    )`);
    await q.query(
      `CREATE INDEX "IDX_password_attempt_username" ON "gateway"."password_attempt" ("username", "at")`,
    );
    await q.query(
      `CREATE INDEX "IDX_password_attempt_source" ON "gateway"."password_attempt" ("source", "at") WHERE "source" IS NOT NULL`,
    );
    await q.query(
      serviceRoleGrantsSql('gateway', ['electronic_signature', 'access_refusal', 'audit_entry']),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."password_attempt"`);
  }
}
