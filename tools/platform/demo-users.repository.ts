import type { TrainingAssessment } from '@v2v/contracts';
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

  /**
   * A training record, unless the user already holds one for the step that is not withdrawn;
   * a seeded one from before assessments were kept gets the demo's (OTH-02).
   */
  async ensureTraining(record: {
    username: string;
    operation: string;
    validFrom: string;
    validUntil: string;
    assessment: TrainingAssessment | null;
  }): Promise<void> {
    const a = record.assessment;
    const assessment = [
      a?.method ?? null,
      a?.result ?? null,
      a?.assessor ?? null,
      a?.assessedOn ?? null,
    ];
    await this.manager.query(
      `INSERT INTO "gateway"."training_record" ("username", "operation", "trained_on", "expires_on",
         "authorized_by", "assessment_method", "assessment_result", "assessor", "assessed_on")
       SELECT $1, $2, $3, $4, 'seed', $5, $6, $7, $8
        WHERE NOT EXISTS (SELECT 1 FROM "gateway"."training_record"
                           WHERE "username" = $1 AND "operation" = $2 AND "withdrawn_at" IS NULL)`,
      [record.username, record.operation, record.validFrom, record.validUntil, ...assessment],
    );
    if (!a) return;
    await this.manager.query(
      `UPDATE "gateway"."training_record"
          SET "assessment_method" = $3, "assessment_result" = $4, "assessor" = $5, "assessed_on" = $6
        WHERE "username" = $1 AND "operation" = $2 AND "authorized_by" = 'seed'
          AND "withdrawn_at" IS NULL AND "assessment_result" IS NULL AND "trained_on" <= $6`,
      [record.username, record.operation, ...assessment],
    );
  }

  /** A fresh local platform starts without lockouts (every test run logs in from 127.0.0.1). */
  async clearPasswordAttempts(): Promise<void> {
    await this.manager.query(`DELETE FROM "gateway"."password_attempt"`);
  }
}
