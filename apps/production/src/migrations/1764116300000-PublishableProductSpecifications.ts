import { MigrationInterface, QueryRunner } from 'typeorm';
import { CART_CD19_V1 } from '@v2v/contracts';
import { serviceRoleGrantsSql } from '@v2v/database';

/**
 * GEN-03: the specification carries its whole content (screening, collection, storage,
 * transport, receipt, shelf lives), who published it and their signature, and a published
 * version can no longer change. CART-CD19 v1 had only its leg limits, which are unchanged.
 */
export class PublishableProductSpecifications1764116300000 implements MigrationInterface {
  name = 'PublishableProductSpecifications1764116300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "production"."product_specification" RENAME COLUMN "limits" TO "content"`,
    );
    await q.query(`ALTER TABLE "production"."product_specification"
      ADD COLUMN "published_by" text NOT NULL DEFAULT 'seed',
      ADD COLUMN "signature" jsonb`);
    await q.query(
      `ALTER TABLE "production"."product_specification" ALTER COLUMN "published_by" DROP DEFAULT`,
    );
    await q.query(
      `UPDATE "production"."product_specification" SET "content" = $1, "name" = $2 WHERE "product_code" = 'CART-CD19' AND "version" = 1`,
      [JSON.stringify(CART_CD19_V1), CART_CD19_V1.name],
    );
    await q.query(`CREATE FUNCTION "production"."refuse_specification_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a published product specification cannot change; publish a new version (GEN-03)' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_product_specification_immutable" BEFORE UPDATE OR DELETE ON "production"."product_specification"
      FOR EACH ROW EXECUTE FUNCTION "production"."refuse_specification_change"()`);
    await q.query(serviceRoleGrantsSql('production', ['audit_entry', 'product_specification']));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TRIGGER "TRG_product_specification_immutable" ON "production"."product_specification"`,
    );
    await q.query(`DROP FUNCTION "production"."refuse_specification_change"()`);
    await q.query(
      `ALTER TABLE "production"."product_specification" DROP COLUMN "signature", DROP COLUMN "published_by"`,
    );
    await q.query(
      `ALTER TABLE "production"."product_specification" RENAME COLUMN "content" TO "limits"`,
    );
  }
}
