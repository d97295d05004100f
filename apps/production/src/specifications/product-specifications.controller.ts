import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ProductSpecificationRepository } from './product-specification.repository';
import { PublishSpecificationCommand, publishSpecificationCommandSchema } from '@v2v/contracts';
import { PublishProductSpecificationUseCase } from './usecases/publish-product-specification.usecase';

/**
 * Internal API: the gateway reads specifications for orders and users, and publishes new versions.
 */
@Controller('internal/product-specifications')
export class ProductSpecificationsController {
  constructor(
    private readonly specifications: ProductSpecificationRepository,
    private readonly publishSpecification: PublishProductSpecificationUseCase,
  ) {}

  @Get()
  latest() {
    return this.specifications.latest();
  }

  @Get(':productCode/versions')
  versions(@Param('productCode') productCode: string) {
    return this.specifications.versions(productCode);
  }

  @Get(':productCode')
  get(@Param('productCode') productCode: string, @Query('version') version?: string) {
    return this.specifications.find(productCode, version ? Number(version) : undefined);
  }

  @Post(':productCode/versions')
  publish(
    @Param('productCode') productCode: string,
    @Body(new ZodBodyPipe(publishSpecificationCommandSchema))
    body: PublishSpecificationCommand,
  ) {
    return this.publishSpecification.execute(productCode, body);
  }
}
