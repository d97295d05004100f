import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type BatchDeviationClosureEntry,
  batchDeviationClosureSchema as closureBody,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';
import { BatchDeviationClosureService } from './batch-deviation-closure.service';

const DONOR_CODE = {
  name: 'donorCode',
  description: 'donor unique code (ISBT 128 DIN structure with its check character, TRC-02)',
};

/**
 * The deviations the journey's batch record raised and QA's signed closure of each (QA-02.3).
 * Each method only translates HTTP.
 */
@ApiTags('batch record')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode/batch-record/deviations')
export class BatchDeviationsController {
  constructor(private readonly closures: BatchDeviationClosureService) {}

  @Get()
  @Roles('operator', 'production-manager', 'qc', 'qa-qp', 'ops')
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary:
      "The deviations the journey's batch record raised (PRD-01, PRD-07, PRD-08, GEN-01), each `open` or `closed` with QA's signed closure (QA-02.3). Roles: operator, production-manager, qc, qa-qp, ops.",
  })
  list(@DonorCodeParam() donorCode: string) {
    return this.closures.list(donorCode);
  }

  @Post(':deviationId/closure')
  @PerformsOperation('closeBatchDeviation')
  @ChangesReleaseGates('batch record deviation closed')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary:
      "Close a batch record deviation with its investigation, root cause and corrective action and the password re-entered (QA-02.3, CSV-02, PER-03); 409 DEVIATION_ALREADY_CLOSED once closed. A closure does not change the batch record, so QA's review of it still holds. Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(closureBody) })
  close(
    @DonorCodeParam() donorCode: string,
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(closureBody)) body: BatchDeviationClosureEntry,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    const { signature, ...closure } = body;
    return this.closures.close({
      donorCode,
      deviationId,
      closure,
      password: signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }
}
