import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type BatchRecordReviewEntry, batchRecordReviewSchema as reviewBody } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { BatchRecordReviewService } from './batch-record-review.service';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';

const DONOR_CODE = {
  name: 'donorCode',
  description: 'donor unique code (ISBT 128 DIN structure with its check character, TRC-02)',
};

/**
 * QA's signed review of the journey's batch record (QA-02.2): the review over the hash of the
 * record's canonical content, and its standing. Each method only translates HTTP.
 */
@ApiTags('batch record')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode/batch-record/review')
export class BatchRecordReviewController {
  constructor(private readonly reviews: BatchRecordReviewService) {}

  @Get()
  @Roles('qa-qp', 'qc', 'ops', 'production-manager')
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary:
      "QA's latest review of the batch record, with `valid` (the record's content hash recomputed now equals the signed one) and `voidReason` once a row was appended after it (QA-02.2); 404 before any review. Roles: qa-qp, qc, ops, production-manager.",
  })
  latest(@DonorCodeParam() donorCode: string) {
    return this.reviews.latest(donorCode);
  }

  @Post()
  @ChangesReleaseGates('batch record reviewed')
  @PerformsOperation('reviewBatchRecord')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary:
      "Sign the batch record reviewed, with a comment and the password re-entered (CSV-02, PER-03): every step row, label and deviation and the batch itself, by the hash of their canonical content. Refused 409 QA-02 (item QA-02.2) while a step or production is not completed or the batch was rejected. The review lists the record's deviations; QA closes them apart (QA-02.3) without voiding it. Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(reviewBody) })
  review(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(reviewBody)) entry: BatchRecordReviewEntry,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.reviews.review({ donorCode, entry, user, idempotency, path: req.originalUrl });
  }
}
