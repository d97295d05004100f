import { Controller, Get, Param, Query } from '@nestjs/common';
import { ProductSpecificationRepository } from './product-specification.repository';

/** Internal read API: the gateway checks a product before starting a journey. */
@Controller('internal/product-specifications')
export class ProductSpecificationsController {
  constructor(private readonly specifications: ProductSpecificationRepository) {}

  @Get(':productCode')
  get(@Param('productCode') productCode: string, @Query('version') version?: string) {
    return this.specifications.find(productCode, version ? Number(version) : undefined);
  }
}
