import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  DomainError,
  processDefinitionPublicationSchema as publishBody,
  processValidationDecisionBodySchema as validationBody,
  productCodeSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { ProcessesService } from './processes.service';

function productCode(raw: string): string {
  const parsed = productCodeSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', `'${raw}' is not a product code`);
  return parsed.data;
}

function processVersion(raw: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(raw))
    throw new DomainError(
      'VALIDATION_FAILED',
      `process version '${raw}' is not a positive integer`,
    );
  return Number(raw);
}

/**
 * Process definitions (PRD-01) per product specification version, published by the production
 * manager, and their validation (PRD-03), decided by QA as a signed decision.
 */
@ApiTags('processes')
@ApiBearerAuth()
@Controller('api/processes')
export class ProcessesController {
  constructor(
    private readonly production: ProductionClient,
    private readonly processes: ProcessesService,
  ) {}

  @Get(':productCode')
  @Roles('production-manager', 'scheduler', 'operator', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "A product's process versions, each with its steps and current validation (PRD-01, PRD-03). Roles: production-manager, scheduler, operator, qa-qp, ops.",
  })
  versions(@Param('productCode') code: string) {
    return this.production.processVersions(productCode(code));
  }

  @Post(':productCode')
  @PerformsOperation('publishProcessDefinition')
  @HttpCode(201)
  @Roles('production-manager')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Publish the process definition of a specification version: the next process version, immutable; refused PRD-01 without the cell-count parameter of its last step, FAC-02 for an open step at grade D. Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(publishBody) })
  publish(
    @Param('productCode') code: string,
    @Body(new ZodBodyPipe(publishBody)) body: z.infer<typeof publishBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.processes.publish(productCode(code), body, { user, idempotency });
  }

  @Post(':productCode/:processVersion/validations')
  @PerformsOperation('decideProcessValidation')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Record a process version's validation status with its worst case (and a concurrent validation's rationale), signed with the password re-entered (PRD-03, CSV-02). Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(validationBody) })
  decideValidation(
    @Param('productCode') code: string,
    @Param('processVersion') version: string,
    @Body(new ZodBodyPipe(validationBody)) body: z.infer<typeof validationBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    const { signature, ...decision } = body;
    return this.processes.decideValidation({
      productCode: productCode(code),
      processVersion: processVersion(version),
      decision,
      password: signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }
}
