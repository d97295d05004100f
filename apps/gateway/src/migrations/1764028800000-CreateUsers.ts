import { hashSync } from 'bcryptjs';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { PEOPLE_ROLES } from '@v2v/contracts';

// The roles as they were when this migration was written; later roles come with their own migration.
const ROLES = PEOPLE_ROLES;

const S = 'gateway';

/**
 * Users and one seeded account per role (username = role). The seed password comes from
 * SEED_USER_PASSWORD; the default is for a local machine only.
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
      CONSTRAINT "CHK_user_account_role" CHECK ("role" IN (${ROLES.map((r) => `'${r}'`).join(', ')}))
    )`);
    const hash = hashSync(process.env.SEED_USER_PASSWORD ?? 'change-me-now', 10);
    for (const role of ROLES) {
      await q.query(
        `INSERT INTO "${S}"."user_account" ("username", "password_hash", "role", "institution_id", "display_name")
         VALUES ($1, $2, $3, $4, $5)`,
        [role, hash, role, role === 'hospital' ? 'INST-001' : null, `Seeded ${role} user`],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."user_account"`);
  }
}
