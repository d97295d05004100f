import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ProductSpecification } from '@v2v/contracts';

interface Row {
  product_code: string;
  version: number;
  name: string;
  limits: Omit<ProductSpecification, 'productCode' | 'version' | 'name'>;
}

@Injectable()
export class ProductSpecificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The given version, or the latest published one (a journey pins what it gets). */
  async find(productCode: string, version?: number): Promise<ProductSpecification> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT "product_code", "version", "name", "limits" FROM "production"."product_specification"
        WHERE "product_code" = $1 AND ($2::int IS NULL OR "version" = $2)
        ORDER BY "version" DESC LIMIT 1`,
      [productCode, version ?? null],
    );
    const row = rows[0];
    if (!row) {
      throw new DomainError(
        'NOT_FOUND',
        `no published specification for product ${productCode}${version ? ` version ${version}` : ''}`,
      );
    }
    return { productCode: row.product_code, version: row.version, name: row.name, ...row.limits };
  }
}
