import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

const S = 'release';

/** MAT-03: the shipper/lane configurations qualified for what this service ships. */
export class CreateQualifiedShippers1764116000000 implements MigrationInterface {
  name = 'CreateQualifiedShippers1764116000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."qualified_shipper" (
      "shipper_id" text NOT NULL,
      "carries" text NOT NULL,
      "description" text NOT NULL,
      "qualified_until" date NOT NULL,
      CONSTRAINT "PK_${S}_qualified_shipper" PRIMARY KEY ("shipper_id"),
      CONSTRAINT "CHK_${S}_qualified_shipper_carries" CHECK ("carries" IN ('donor-material', 'product'))
    )`);
    await q.query(
      `INSERT INTO "${S}"."qualified_shipper" ("shipper_id", "carries", "description", "qualified_until") VALUES
        ($1, 'product', $2, '2027-12-31'), ('SHIPPER-EXPIRED-01', 'product', 'qualification lapsed, kept for the record', '2025-01-31')`,
      ['LN2-DRYSHIPPER-07', 'LN2 dry shipper, lane factory → treatment site'],
    );
    await q.query(serviceRoleGrantsSql(S, ['audit_entry']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."qualified_shipper"`);
  }
}
