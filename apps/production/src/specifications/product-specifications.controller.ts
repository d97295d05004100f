import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { Actor, productSpecificationContentSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ProductSpecificationRepository } from './product-specification.repository';

const publishSchema = z.strictObject({
  content: productSpecificationContentSchema,
  publishedBy: z.strictObject({ userId: z.string().min(1), role: z.string().min(1) }),
  signature: z.looseObject({
    signatureId: z.string().min(1),
    signedContentHash: z.string().min(1),
  }),
});

/** Internal API: the gateway reads specifications for orders and users, and publishes new versions. */
@Controller('internal/product-specifications')
export class ProductSpecificationsController {
  constructor(private readonly specifications: ProductSpecificationRepository) {}

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
    @Body(new ZodBodyPipe(publishSchema)) body: z.infer<typeof publishSchema>,
  ) {
    return this.specifications.publish(
      productCode,
      body.content,
      body.publishedBy as Actor,
      body.signature as never,
    );
  }
}
