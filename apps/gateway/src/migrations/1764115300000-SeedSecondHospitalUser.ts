import { hashSync } from 'bcryptjs';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A hospital user of a second institution, so tenancy can be seen (and tested) locally. */
export class SeedSecondHospitalUser1764115300000 implements MigrationInterface {
  name = 'SeedSecondHospitalUser1764115300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "gateway"."user_account" ("username", "password_hash", "role", "institution_id", "display_name")
       VALUES ('hospital-inst-002', $1, 'hospital', 'INST-002', 'Seeded hospital user of INST-002')`,
      [hashSync(process.env.SEED_USER_PASSWORD ?? 'change-me-now', 10)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "gateway"."user_account" WHERE "username" = 'hospital-inst-002'`);
  }
}
