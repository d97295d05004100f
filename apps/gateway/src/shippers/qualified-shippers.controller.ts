import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { signatureRequestSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { QualifiedShippersService } from './qualified-shippers.service';
import { QualifyBody, qualifyBodyShape, QualifyShipperBodyPipe } from './qualify-shipper-body.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';

const withdrawBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  signature: signatureRequestSchema,
});

/**
 * Shipper/lane configurations: which may carry donor material or product, and until when (MAT-03).
 */
@ApiTags('qualified shippers')
@ApiBearerAuth()
@Controller('api/qualified-shippers')
export class QualifiedShippersController {
  constructor(private readonly shippers: QualifiedShippersService) {}

  @Get()
  @Roles('ops', 'qa-qp', 'operator', 'hospital')
  @ApiOperation({
    summary:
      'Every shipper/lane configuration with what it carries, its evidence, its requalification date, its signed decisions and its status today (current, lapsed or withdrawn). Roles: ops, qa-qp, operator, hospital.',
  })
  list() {
    return this.shippers.list();
  }

  @Post()
  @PerformsOperation('decideShipperQualification')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Qualify or requalify a configuration with its study evidence and requalification date, signed with the password re-entered (MAT-03, CSV-02). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(qualifyBodyShape) })
  qualify(
    @Body(QualifyShipperBodyPipe) body: QualifyBody,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.shippers.qualify({
      qualification: body.qualification,
      password: body.signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }

  @Post(':carries/:shipperId/withdraw')
  @PerformsOperation('decideShipperQualification')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Withdraw a configuration's qualification with the reason, signed (MAT-03, CSV-02); hand-overs and shipments on it are refused from then on. Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(withdrawBody) })
  withdraw(
    @Param('carries') carries: string,
    @Param('shipperId') shipperId: string,
    @Body(new ZodBodyPipe(withdrawBody)) body: z.infer<typeof withdrawBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.shippers.withdraw({
      carries,
      shipperId,
      reason: body.reason,
      password: body.signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }
}
