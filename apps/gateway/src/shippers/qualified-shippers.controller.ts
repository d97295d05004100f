import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  shipperQualificationDecisionProblems,
  shipperQualificationSchema,
  signatureRequestSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { QualifiedShippersService } from './qualified-shippers.service';

// The dates are checked against today here too, so a lapsed decision is a 400 naming its field
// before anything is signed; the owning service checks again when it records.
const qualification = shipperQualificationSchema.superRefine((decision, ctx) => {
  for (const problem of shipperQualificationDecisionProblems(
    decision,
    new Date().toISOString().slice(0, 10),
  ))
    ctx.addIssue({ code: 'custom', ...problem });
});
const qualifyBody = z.strictObject({ qualification, signature: signatureRequestSchema });
const withdrawBody = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  signature: signatureRequestSchema,
});

/** Shipper/lane configurations: which may carry donor material or product, and until when (MAT-03). */
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
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @ApiOperation({
    summary:
      'Qualify or requalify a configuration with its study evidence and requalification date, signed with the password re-entered (MAT-03, CSV-02). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(qualifyBody) })
  qualify(
    @Body(new ZodBodyPipe(qualifyBody)) body: z.infer<typeof qualifyBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.shippers.qualify({
      qualification: body.qualification,
      password: body.signature.password,
      user,
      key,
      path: req.originalUrl,
    });
  }

  @Post(':carries/:shipperId/withdraw')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
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
    @Headers('idempotency-key') key?: string,
  ) {
    return this.shippers.withdraw({
      carries,
      shipperId,
      reason: body.reason,
      password: body.signature.password,
      user,
      key,
      path: req.originalUrl,
    });
  }
}
