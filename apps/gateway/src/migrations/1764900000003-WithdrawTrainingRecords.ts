import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training records are withdrawn, never deleted (PER-01: who was authorized for what, and when,
 * stays on record): a withdrawn record no longer authorizes the operation. A record also
 * keeps when it was entered.
 */
export class WithdrawTrainingRecords1764900000003 implements MigrationInterface {
  name = 'WithdrawTrainingRecords1764900000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."training_record"
      ADD COLUMN "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      ADD COLUMN "withdrawn_at" timestamptz,
      ADD COLUMN "withdrawn_by" text,
      ADD COLUMN "withdrawal_reason" text,
      ADD CONSTRAINT "CHK_training_record_withdrawal" CHECK (
        ("withdrawn_at" IS NULL AND "withdrawn_by" IS NULL AND "withdrawal_reason" IS NULL)
        OR ("withdrawn_at" IS NOT NULL AND "withdrawn_by" IS NOT NULL AND "withdrawal_reason" IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."training_record"
      DROP CONSTRAINT "CHK_training_record_withdrawal",
      DROP COLUMN "withdrawal_reason",
      DROP COLUMN "withdrawn_by",
      DROP COLUMN "withdrawn_at",
      DROP COLUMN "recorded_at"`);
  }
}
