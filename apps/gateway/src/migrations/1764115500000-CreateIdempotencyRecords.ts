import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first answer to each Idempotency-Key, per user, with a hash of the request it answered. */
export class CreateIdempotencyRecords1764115500000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764115500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."idempotency_record" (
      "key" uuid NOT NULL,
      "username" text NOT NULL,
      "request_hash" char(64) NOT NULL,
      "status" integer NOT NULL,
      "response" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_idempotency_record" PRIMARY KEY ("key", "username")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."idempotency_record"`);
  }
}
