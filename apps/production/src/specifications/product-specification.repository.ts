import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  Actor,
  DomainError,
  ElectronicSignature,
  ProductSpecification,
  ProductSpecificationContent,
} from '@v2v/contracts';

interface Row {
  product_code: string;
  version: number;
  published_at: Date;
  published_by: string;
  content: ProductSpecificationContent;
}

const toSpecification = (row: Row): ProductSpecification => ({
  ...row.content,
  productCode: row.product_code,
  version: row.version,
  publishedAt: row.published_at.toISOString(),
  publishedBy: row.published_by,
});

@Injectable()
export class ProductSpecificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The given version, or the latest published one (a journey pins what it gets). */
  async find(productCode: string, version?: number): Promise<ProductSpecification> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM "production"."product_specification"
        WHERE "product_code" = $1 AND ($2::int IS NULL OR "version" = $2)
        ORDER BY "version" DESC LIMIT 1`,
      [productCode, version ?? null],
    );
    if (!rows[0]) {
      throw new DomainError(
        'NOT_FOUND',
        `no published specification for product ${productCode}${version ? ` version ${version}` : ''}`,
      );
    }
    return toSpecification(rows[0]);
  }

  /** The latest version of every product. */
  async latest(): Promise<ProductSpecification[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT DISTINCT ON ("product_code") * FROM "production"."product_specification" ORDER BY "product_code", "version" DESC`,
    );
    return rows.map(toSpecification);
  }

  async versions(
    productCode: string,
  ): Promise<Array<{ version: number; publishedAt: string; publishedBy: string }>> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM "production"."product_specification" WHERE "product_code" = $1 ORDER BY "version"`,
      [productCode],
    );
    if (!rows.length)
      throw new DomainError('NOT_FOUND', `no published specification for product ${productCode}`);
    return rows.map((r) => ({
      version: r.version,
      publishedAt: r.published_at.toISOString(),
      publishedBy: r.published_by,
    }));
  }

  /**
   * Publishes the next version (GEN-03). Versions of one product are numbered under a lock,
   * so two publications at once get consecutive numbers; the audit entry commits with it, in
   * the caller's transaction.
   */
  async publish(
    manager: EntityManager,
    productCode: string,
    content: ProductSpecificationContent,
    publishedBy: Actor,
    signature: ElectronicSignature,
  ): Promise<ProductSpecification> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('product_specification/' || $1))`, [
      productCode,
    ]);
    const [{ next }] = await manager.query(
      `SELECT COALESCE(MAX("version"), 0) + 1 AS "next" FROM "production"."product_specification" WHERE "product_code" = $1`,
      [productCode],
    );
    const rows: Row[] = await manager.query(
      `INSERT INTO "production"."product_specification" ("product_code", "version", "name", "content", "published_by", "signature")
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        productCode,
        next,
        content.name,
        JSON.stringify(content),
        publishedBy.userId,
        JSON.stringify(signature),
      ],
    );
    const specification = toSpecification(rows[0]);
    await writeAudit(manager, 'production', {
      recordType: 'product-specification',
      recordId: `${productCode}/v${next}`,
      action: 'create',
      actor: publishedBy,
      newValue: { ...specification, signature },
    });
    return specification;
  }
}
