import type { EntityManager } from 'typeorm';
import type { DemoUser } from './demo-users';

/** SQL of the local demo seeding; runs as the schema owner, like the migrations. */
export class DemoUsersRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Creates the account or puts it back as the demo needs it: active, no password change due. */
  async upsertUser(user: DemoUser, passwordHash: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO "gateway"."user_account" ("username", "password_hash", "role", "institution_id", "display_name", "must_change_password")
       VALUES ($1, $2, $3, $4, $5, false)
       ON CONFLICT ON CONSTRAINT "UQ_user_account_username" DO UPDATE SET
         "password_hash" = EXCLUDED."password_hash", "role" = EXCLUDED."role",
         "institution_id" = EXCLUDED."institution_id", "display_name" = EXCLUDED."display_name",
         "must_change_password" = false, "password_changed_at" = now(),
         "disabled_at" = NULL, "disabled_by" = NULL`,
      [user.username, passwordHash, user.role, user.institutionId, user.displayName],
    );
  }

  /** A training record, unless the user already holds one for the step that is not withdrawn. */
  async ensureTraining(record: {
    username: string;
    operation: string;
    validFrom: string;
    validUntil: string;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO "gateway"."training_record" ("username", "operation", "trained_on", "expires_on", "authorized_by")
       SELECT $1, $2, $3, $4, 'seed'
        WHERE NOT EXISTS (SELECT 1 FROM "gateway"."training_record"
                           WHERE "username" = $1 AND "operation" = $2 AND "withdrawn_at" IS NULL)`,
      [record.username, record.operation, record.validFrom, record.validUntil],
    );
  }

  /** A fresh local platform starts without lockouts (every test run logs in from 127.0.0.1). */
  async clearPasswordAttempts(): Promise<void> {
    await this.manager.query(`DELETE FROM "gateway"."password_attempt"`);
  }
}
