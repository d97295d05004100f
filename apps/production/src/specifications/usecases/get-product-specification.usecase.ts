import { Injectable } from '@nestjs/common';
import { ProductSpecification } from '@v2v/contracts';
import { ProductSpecificationRepository } from '../product-specification.repository';

/** GEN-03: the specification version a journey pins (the latest published one when absent). */
@Injectable()
export class GetProductSpecificationUseCase {
  constructor(private readonly specifications: ProductSpecificationRepository) {}

  execute(input: { productCode: string; version?: number }): Promise<ProductSpecification> {
    return this.specifications.find(input.productCode, input.version);
  }
}
