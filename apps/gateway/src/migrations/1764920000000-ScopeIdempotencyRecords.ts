import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key is scoped to user, route and donor code (issue 10 A9): the first answer
 * is kept per (username, route, donor code, key). Records kept before have no route and
 * donor code (''), so a retry across this migration is answered as a new request.
 */
export class ScopeIdempotencyRecords1764920000000 implements MigrationInterface {
  name = 'ScopeIdempotencyRecords1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."idempotency_record"
      ADD COLUMN "route" text NOT NULL DEFAULT '',
      ADD COLUMN "donor_code" text NOT NULL DEFAULT ''`);
    await q.query(
      `ALTER TABLE "gateway"."idempotency_record" DROP CONSTRAINT "PK_idempotency_record"`,
    );
    await q.query(`ALTER TABLE "gateway"."idempotency_record"
      ADD CONSTRAINT "PK_idempotency_record" PRIMARY KEY ("username", "route", "donor_code", "key")`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one record per (key, username): the first answer of each pair is kept.
    await q.query(`DELETE FROM "gateway"."idempotency_record" a
      USING "gateway"."idempotency_record" b
      WHERE a."key" = b."key" AND a."username" = b."username"
        AND (a."created_at", a.ctid) > (b."created_at", b.ctid)`);
    await q.query(
      `ALTER TABLE "gateway"."idempotency_record" DROP CONSTRAINT "PK_idempotency_record"`,
    );
    await q.query(`ALTER TABLE "gateway"."idempotency_record"
      ADD CONSTRAINT "PK_idempotency_record" PRIMARY KEY ("key", "username"),
      DROP COLUMN "route", DROP COLUMN "donor_code"`);
  }
}
