import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

const S = 'donor_intake';

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
        ($1, 'donor-material', $2, '2027-12-31'), ('SHIPPER-EXPIRED-01', 'donor-material', 'qualification lapsed, kept for the record', '2025-01-31')`,
      ['SHIPPER-2-8C-01', '2-8 °C validated shipper, courier lane hospital → factory'],
    );
    await q.query(serviceRoleGrantsSql(S, ['audit_entry']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."qualified_shipper"`);
  }
}
