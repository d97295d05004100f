import { MigrationInterface, QueryRunner } from 'typeorm';
import { serviceRoleGrantsSql } from '@v2v/database';

/**
 * MAT-03: the `qualified_shipper` table of a service that ships (donor material or product),
 * seeded with one current configuration and one lapsed one kept for the record.
 */
export function qualifiedShippersMigration(
  schema: string,
  carries: 'donor-material' | 'product',
  seed: { shipperId: string; description: string },
  name: string,
) {
  return class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE "${schema}"."qualified_shipper" (
        "shipper_id" text NOT NULL,
        "carries" text NOT NULL,
        "description" text NOT NULL,
        "qualified_until" date NOT NULL,
        CONSTRAINT "PK_${schema}_qualified_shipper" PRIMARY KEY ("shipper_id"),
        CONSTRAINT "CHK_${schema}_qualified_shipper_carries" CHECK ("carries" IN ('donor-material', 'product'))
      )`);
      await q.query(
        `INSERT INTO "${schema}"."qualified_shipper" ("shipper_id", "carries", "description", "qualified_until") VALUES
          ($1, $2, $3, '2027-12-31'), ('SHIPPER-EXPIRED-01', $2, 'qualification lapsed, kept for the record', '2025-01-31')`,
        [seed.shipperId, carries, seed.description],
      );
      await q.query(serviceRoleGrantsSql(schema, ['audit_entry']));
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}"."qualified_shipper"`);
    }
  };
}
