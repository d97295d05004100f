import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type JourneySampleRequest,
  journeySampleSchema,
  type LotSampleRequest,
  lotSampleSchema,
  type RetentionExceptionRequest,
  retentionExceptionSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { SamplesService } from './samples.service';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';

/**
 * The sample register (QA-01, §10(1)): QC and retention samples of a journey's donor
 * material, intermediate and final product and of key-material lots; the qualified person's
 * signed retention exceptions; a journey's retention standing. Each method only translates HTTP.
 */
@ApiTags('samples')
@ApiBearerAuth()
@Controller('api')
export class SamplesController {
  constructor(private readonly samples: SamplesService) {}

  @Post('journeys/:donorCode/samples')
  @ChangesReleaseGates('sample recorded')
  @PerformsOperation('recordSample')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Record a QC or retention sample of the journey's donor material, an intermediate or the final product; a retention sample states its retention end (QA-01). Roles: qc.",
  })
  @ApiBody({ schema: openApiSchema(journeySampleSchema) })
  recordJourneySample(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(journeySampleSchema)) body: JourneySampleRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.samples.recordJourneySample(donorCode, body, { user, idempotency });
  }

  @Get('journeys/:donorCode/samples')
  @Roles('qc', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The journey's samples and its decided retention exceptions, label photos by their SHA-256 (QA-01). Roles: qc, qa-qp, ops.",
  })
  journeySamples(@DonorCodeParam() donorCode: string) {
    return this.samples.samplesOfJourney(donorCode);
  }

  @Post('key-material-lots/:lotId/samples')
  @PerformsOperation('recordSample')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Record a QC or retention sample of a key-material lot; a retention sample is kept at least to the lot's expiry as production recorded it (QA-01.2). Roles: qc.",
  })
  @ApiBody({ schema: openApiSchema(lotSampleSchema) })
  recordLotSample(
    @Param('lotId') lotId: string,
    @Body(new ZodBodyPipe(lotSampleSchema)) body: LotSampleRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.samples.recordLotSample(lotId, body, { user, idempotency });
  }

  @Get('samples')
  @Roles('qc', 'qa-qp', 'ops')
  @ApiQuery({ name: 'lot', required: true, description: 'a key-material lot id' })
  @ApiOperation({
    summary: 'The samples of a key-material lot (QA-01). Roles: qc, qa-qp, ops.',
  })
  lotSamples(@Query('lot') lotId?: string) {
    return this.samples.samplesOfLot(lotId);
  }

  @Post('journeys/:donorCode/retention-exceptions')
  @ChangesReleaseGates('retention exception decided')
  @PerformsOperation('decideRetentionException')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Decide a retention exception with its rationale, signed with the password re-entered (CSV-02, PER-03); product-not-retained needs a PNG or JPEG photo of the label (base64, at most 2 MiB), retention-shortened its evaluation report, intermediate-retained and frozen-retention their retention sample (QA-01). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(retentionExceptionSchema) })
  decideException(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(retentionExceptionSchema)) body: RetentionExceptionRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.samples.decideException(donorCode, body, {
      user,
      idempotency,
      path: req.originalUrl,
    });
  }

  @Get('journeys/:donorCode/retention-exceptions/:exceptionId/label-photo')
  @Roles('qc', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      'The label photo on record for a product-not-retained exception, base64 with its content type and SHA-256 (QA-01). Roles: qc, qa-qp, ops.',
  })
  labelPhoto(@DonorCodeParam() donorCode: string, @Param('exceptionId') exceptionId: string) {
    return this.samples.labelPhoto(donorCode, exceptionId);
  }

  @Get('journeys/:donorCode/retention')
  @Roles('qc', 'qa-qp', 'ops', 'hospital')
  @ApiOperation({
    summary:
      "The journey's QA-01 standing: settled, or the open items (QA-01.1 donor material, QA-01.3 final product). Roles: qc, qa-qp, ops, hospital (own institution only).",
  })
  retention(@DonorCodeParam() donorCode: string) {
    return this.samples.retentionStanding(donorCode);
  }
}
