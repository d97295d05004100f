import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type OosLaboratoryConclusion,
  oosLaboratoryConclusionSchema,
  type OosOutcomeRequest,
  oosOutcomeSchema,
  type OosProcessConclusion,
  oosProcessConclusionSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { QualityControlService } from './quality-control.service';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';

const INVESTIGATION = 'journeys/:donorCode/oos-investigations/:investigationId';

/**
 * QC results judged by the system and their OOS investigations (QA-02.1, §10(2)): the results
 * with their verdicts and the standing per test, the investigations with their phases, each
 * phase's conclusion and QA's signed outcome. Results themselves are the journey step
 * `recordQcResult`. Each method only translates HTTP.
 */
@ApiTags('quality control')
@ApiBearerAuth()
@Controller('api')
export class QualityControlController {
  constructor(private readonly qc: QualityControlService) {}

  @Get('journeys/:donorCode/qc-results')
  @Roles('qc', 'qa-qp', 'ops', 'hospital')
  @ApiOperation({
    summary:
      "The journey's QC results as recorded, each with the system's verdict against the test plan of the journey's specification, corrections and retests, and the standing per test (QA-02.1). Roles: qc, qa-qp, ops, hospital (own institution only).",
  })
  results(@DonorCodeParam() donorCode: string) {
    return this.qc.results(donorCode);
  }

  @Get('journeys/:donorCode/oos-investigations')
  @Roles('qc', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The journey's OOS investigations with their phases and status (QA-02.1). Roles: qc, qa-qp, ops.",
  })
  investigations(@DonorCodeParam() donorCode: string) {
    return this.qc.investigations(donorCode);
  }

  @Post(`${INVESTIGATION}/laboratory-conclusion`)
  @ChangesReleaseGates('OOS laboratory phase concluded')
  @PerformsOperation('recordOosLaboratoryConclusion')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Phase I of an OOS investigation: the laboratory's conclusion. An assignable cause invalidates the result and orders a retest (recorded as a `recordQcResult` with `retestUnder`); none sends the investigation to phase II. Refused 409 QA-02 out of order (QA-02.1). Roles: qc.",
  })
  @ApiBody({ schema: openApiSchema(oosLaboratoryConclusionSchema) })
  laboratoryConclusion(
    @DonorCodeParam() donorCode: string,
    @Param('investigationId') investigationId: string,
    @Body(new ZodBodyPipe(oosLaboratoryConclusionSchema)) body: OosLaboratoryConclusion,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.qc.laboratoryConclusion(donorCode, investigationId, body, { user, idempotency });
  }

  @Post(`${INVESTIGATION}/process-conclusion`)
  @ChangesReleaseGates('OOS process phase concluded')
  @PerformsOperation('recordOosProcessConclusion')
  @HttpCode(201)
  @Roles('qa-qp')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Phase II of an OOS investigation without an assignable laboratory cause: QA's findings of the process investigation. Refused 409 QA-02 out of order (QA-02.1). Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(oosProcessConclusionSchema) })
  processConclusion(
    @DonorCodeParam() donorCode: string,
    @Param('investigationId') investigationId: string,
    @Body(new ZodBodyPipe(oosProcessConclusionSchema)) body: OosProcessConclusion,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.qc.processConclusion(donorCode, investigationId, body, { user, idempotency });
  }

  @Post(`${INVESTIGATION}/outcome`)
  @ChangesReleaseGates('OOS outcome decided')
  @PerformsOperation('decideOosOutcome')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "QA's outcome of an OOS investigation, signed with the password re-entered (CSV-02, PER-03): `invalidated` (the retest counts; refused unless the latest retest under it is within specification) or `oos-confirmed` with the batch's disposition (not releasable). Refused 409 QA-02 (QA-02.1). Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(oosOutcomeSchema) })
  outcome(
    @DonorCodeParam() donorCode: string,
    @Param('investigationId') investigationId: string,
    @Body(new ZodBodyPipe(oosOutcomeSchema)) body: OosOutcomeRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.qc.outcome(donorCode, investigationId, body, {
      user,
      idempotency,
      path: req.originalUrl,
    });
  }
}
