import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  DomainError,
  PEOPLE_ROLES,
  productCodeSchema,
  productSpecificationContentSchema,
  signatureRequestSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { ProductSpecificationsService } from './product-specifications.service';
import { PerformsOperation } from '../training/performs-operation.decorator';

const publishBody = z.strictObject({
  content: productSpecificationContentSchema,
  signature: signatureRequestSchema,
});
const ALL_ROLES = PEOPLE_ROLES;

/** The route's product code, checked (productCodeSchema). */
export function productCode(raw: string): string {
  const parsed = productCodeSchema.safeParse(raw);
  if (!parsed.success)
    throw new DomainError(
      'VALIDATION_FAILED',
      `'${raw}' is not a product code: ${parsed.error.issues[0].message}`,
    );
  return parsed.data;
}

/**
 * Product specifications (GEN-03, DON-03): every role, hospitals included, reads the
 * requirements of a product; QA publishes a new version as a signed decision. Running
 * journeys keep the version they started with.
 */
@ApiTags('product specifications')
@ApiBearerAuth()
@Controller('api/product-specifications')
export class ProductSpecificationsController {
  constructor(
    private readonly production: ProductionClient,
    private readonly specifications: ProductSpecificationsService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The latest published specification of every product. All roles.' })
  latest() {
    return this.production.specifications();
  }

  @Get(':productCode')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      "A product's requirements: screening, collection, storage, transport, receipt, shelf lives (DON-03). All roles.",
  })
  @ApiQuery({
    name: 'version',
    required: false,
    description: 'a published version; the latest when absent',
  })
  get(@Param('productCode') code: string, @Query('version') version?: string) {
    if (version !== undefined && !/^[1-9][0-9]*$/.test(version))
      throw new DomainError('VALIDATION_FAILED', `version '${version}' is not a positive integer`);
    return this.production.specification(productCode(code), version);
  }

  @Get(':productCode/versions')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Every published version of a product, who published it and when. All roles.',
  })
  versions(@Param('productCode') code: string) {
    return this.production.specificationVersions(productCode(code));
  }

  @Post(':productCode/versions')
  @PerformsOperation('publishProductSpecification')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @ApiOperation({
    summary:
      'Publish the next version of a product specification, signed (CSV-02). Running journeys keep their version (GEN-03). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(publishBody) })
  publish(
    @Param('productCode') code: string,
    @Body(new ZodBodyPipe(publishBody)) body: z.infer<typeof publishBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
  ) {
    return this.specifications.publish({
      productCode: productCode(code),
      content: body.content,
      password: body.signature.password,
      user,
      path: req.originalUrl,
    });
  }
}
