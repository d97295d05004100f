import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  institutionDecisionSchema,
  institutionRegistrationSchema,
  signatureRequestSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { InstitutionQualificationService } from './institution-qualification.service';
import { PerformsOperation } from '../training/performs-operation.decorator';

const registerBody = institutionRegistrationSchema.extend({ signature: signatureRequestSchema });
const decisionBody = z.strictObject({
  qualification: institutionDecisionSchema,
  signature: signatureRequestSchema,
});

/**
 * Medical institutions and their qualification (DON-02): assessment, on-site audit, approval
 * with a quality agreement, periodic review, suspension, reinstatement and removal, each QA's
 * signed decision. A hospital user reads its own institution only (CSV-03).
 */
@ApiTags('institutions')
@ApiBearerAuth()
@Controller('api/institutions')
export class InstitutionsController {
  constructor(private readonly qualification: InstitutionQualificationService) {}

  @Get()
  @Roles('scheduler', 'ops', 'qa-qp', 'hospital')
  @ApiOperation({
    summary:
      'The institution register: status, quality agreement expiry, next periodic review. Roles: scheduler, ops, qa-qp; hospital (own institution only).',
  })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.qualification.list(user);
  }

  @Get(':institutionId')
  @Roles('scheduler', 'ops', 'qa-qp', 'hospital')
  @ApiOperation({
    summary:
      'One institution: its quality agreement in force and every signed qualification decision, with the running journeys each change of standing was sent to. Roles: scheduler, ops, qa-qp; hospital (own institution only).',
  })
  detail(@Param('institutionId') institutionId: string) {
    return this.qualification.detail(institutionId);
  }

  @Post()
  @PerformsOperation('decideInstitutionQualification')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Register a candidate institution for assessment, signed with the password re-entered (DON-02, CSV-02). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(registerBody) })
  register(
    @Body(new ZodBodyPipe(registerBody)) body: z.infer<typeof registerBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    const { signature, ...registration } = body;
    return this.qualification.register({
      registration,
      password: signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }

  @Post(':institutionId/decisions')
  @PerformsOperation('decideInstitutionQualification')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "QA's signed qualification decision (DON-02, CSV-02): complete-assessment, record-on-site-audit (a pass approves, with the quality agreement), periodic-review, suspend, reinstate, remove. A change of standing is sent to the institution's running journeys. Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(decisionBody) })
  decide(
    @Param('institutionId') institutionId: string,
    @Body(new ZodBodyPipe(decisionBody)) body: z.infer<typeof decisionBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.qualification.decide({
      institutionId,
      qualification: body.qualification,
      password: body.signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }
}
