import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every refusal at the gateway names its refusal code (the rule ID where a rule refused) and,
 * on a route of one journey, its donor code, so a journey's refusals can be read together
 * with those its owning services recorded (CSV-03, PRD-06, TRC-03). Earlier rows keep NULL.
 */
export class AddRefusalCodeAndDonorCode1764910000040 implements MigrationInterface {
  name = 'AddRefusalCodeAndDonorCode1764910000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "gateway"."access_refusal"
      ADD COLUMN "code" text,
      ADD COLUMN "donor_code" text`);
    await q.query(
      `CREATE INDEX "IDX_access_refusal_donor_code" ON "gateway"."access_refusal" ("donor_code", "at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "gateway"."IDX_access_refusal_donor_code"`);
    await q.query(
      `ALTER TABLE "gateway"."access_refusal" DROP COLUMN "donor_code", DROP COLUMN "code"`,
    );
  }
}
