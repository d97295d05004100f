import type { EntityManager } from 'typeorm';

const S = 'production';

/**
 * SQL of the local production seeding; runs as the schema owner, like the migrations. Every
 * insert is `ON CONFLICT DO NOTHING` and tells whether it inserted, so a database that
 * already has the rows (from the old seed migrations or an earlier run) gets no duplicate.
 */
export class DemoProductionRepository {
  constructor(private readonly manager: EntityManager) {}

  async insertSpecification(spec: {
    productCode: string;
    version: number;
    name: string;
    content: unknown;
    publishedBy: string;
  }): Promise<boolean> {
    const rows = await this.manager.query(
      `INSERT INTO "${S}"."product_specification" ("product_code", "version", "name", "content", "published_by")
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("product_code", "version") DO NOTHING RETURNING 1`,
      [spec.productCode, spec.version, spec.name, JSON.stringify(spec.content), spec.publishedBy],
    );
    return rows.length > 0;
  }

  async insertMaterial(values: unknown[]): Promise<boolean> {
    const rows = await this.manager.query(
      `INSERT INTO "${S}"."key_material" ("material_code", "name", "category", "risk_level", "risk_summary", "risk_assessed_by",
         "risk_assessed_on", "ivd_approval_status", "ivd_marker", "ivd_justification", "registered_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT ("material_code") DO NOTHING RETURNING 1`,
      values,
    );
    return rows.length > 0;
  }

  async insertLot(values: unknown[]): Promise<boolean> {
    const rows = await this.manager.query(
      `INSERT INTO "${S}"."key_material_lot" ("lot_id", "material_code", "supplier", "supplier_lot", "expires_on", "coa_checked",
         "inspection_result", "inspected_by", "received_at", "receipt_event_id", "status", "decided_by", "decided_at", "decision_comment")
       VALUES ($1, $2, $3, $4, $5, true, 'pass', $6, $7, $8, $9, $10, $11, $12) ON CONFLICT ("lot_id") DO NOTHING RETURNING 1`,
      values,
    );
    return rows.length > 0;
  }
}
