import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every refused access (401, 403, 404 by tenancy) is kept: who, what, when, why (CSV-03). */
export class CreateAccessRefusals1764115200000 implements MigrationInterface {
  name = 'CreateAccessRefusals1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "gateway"."access_refusal" (
      "id" bigserial NOT NULL,
      "at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "username" text,
      "role" text,
      "method" text NOT NULL,
      "path" text NOT NULL,
      "status" integer NOT NULL,
      "reason" text NOT NULL,
      CONSTRAINT "PK_access_refusal" PRIMARY KEY ("id")
    )`);
    await q.query(`CREATE INDEX "IDX_access_refusal_at" ON "gateway"."access_refusal" ("at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "gateway"."access_refusal"`);
  }
}
