import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type DonorMaterialImpactAssessmentRequest,
  donorMaterialImpactAssessmentSchema,
  type DonorMaterialTestResultsRequest,
  donorMaterialTestResultsSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { DonorMaterialTestsService } from './donor-material-tests.service';

/**
 * The donor material's own tests (§7(1)) and QA's impact assessment of material used before
 * they completed (§10(2), QA-02.5). Factory records: the hospital does not read them.
 */
@ApiTags('donor material tests')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode')
export class DonorMaterialTestsController {
  constructor(private readonly tests: DonorMaterialTestsService) {}

  @Get('donor-material-tests')
  @Roles('qc', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The donor material's tests of the journey's specification, each with its effective result and the system's verdict, every result as recorded, the tests pending at QA's material release and the signed impact assessments (QA-02.5). Roles: qc, qa-qp, ops.",
  })
  view(@DonorCodeParam() donorCode: string) {
    return this.tests.view(donorCode);
  }

  @Post('donor-material-tests')
  @ChangesReleaseGates('donor material test result recorded')
  @PerformsOperation('recordDonorMaterialTestResult')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Raw results of the donor material's tests (value, unit, method, tested at), judged by the system against the journey's specification; a correction names the result it replaces and why. Refused 409 QA-02 (QA-02.5). The Idempotency-Key is the event id. Roles: qc.",
  })
  @ApiBody({ schema: openApiSchema(donorMaterialTestResultsSchema) })
  record(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(donorMaterialTestResultsSchema)) body: DonorMaterialTestResultsRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.tests.record({ donorCode, body, user, idempotency });
  }

  @Post('donor-material-impact-assessment')
  @ChangesReleaseGates('donor material impact assessed')
  @PerformsOperation('assessDonorMaterialImpact')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "QA's impact assessment of donor material used before its tests completed, with the tests it covers, its rationale and conclusion (`no-impact` | `product-affected`), signed with the password re-entered (§10(2), QA-02.5, CSV-02, PER-03). It covers the results as they stand: a later result reopens QA-02.5. Refused 409 QA-02 where no test was pending at the material's release. Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(donorMaterialImpactAssessmentSchema) })
  assess(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(donorMaterialImpactAssessmentSchema))
    request: DonorMaterialImpactAssessmentRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.tests.assess({ donorCode, request, user, idempotency, path: req.originalUrl });
  }
}
