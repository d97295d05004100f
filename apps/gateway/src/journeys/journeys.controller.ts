import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, JOURNEY_STAGES, JourneyStage, requireDonorCode } from '@v2v/contracts';
import { InternalServiceClient } from '../internal/internal-service.client';
import type { Request } from 'express';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { JourneyCommandsService } from './journey-commands.service';
import { JourneyStepsService } from './journey-steps.service';
import { StepEndpoint } from './step-endpoint.decorator';

const KEY = 'idempotency-key';

/**
 * One endpoint per business step of a journey (roles and route from STEP_ROUTES), plus the
 * journey's status and the journey list. Each method only translates HTTP.
 */
@ApiTags('journeys')
@ApiBearerAuth()
@Controller('api/journeys')
export class JourneysController {
  constructor(
    private readonly journeys: JourneyCommandsService,
    private readonly steps: JourneyStepsService,
    private readonly services: InternalServiceClient,
  ) {}

  @Get()
  @Roles('scheduler', 'ops', 'qa-qp', 'hospital')
  @ApiOperation({
    summary:
      'Find journeys by stage and institution (Temporal visibility). Roles: scheduler, ops, qa-qp; hospital (own institution only).',
  })
  @ApiQuery({ name: 'stage', required: false, enum: JOURNEY_STAGES })
  @ApiQuery({ name: 'institutionId', required: false })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('stage') stage?: string,
    @Query('institutionId') institutionId?: string,
  ) {
    if (stage !== undefined && !JOURNEY_STAGES.includes(stage as JourneyStage)) {
      throw new DomainError('VALIDATION_FAILED', `unknown stage '${stage}'`, {
        allowed: JOURNEY_STAGES,
      });
    }
    // CSV-03: a hospital user lists its own institution's journeys, whatever it asks for.
    const scope = user.role === 'hospital' ? (user.institutionId ?? '-') : institutionId;
    return this.journeys.list({ stage, institutionId: scope });
  }

  @Delete(':donorCode')
  @HttpCode(204)
  @Roles('ops', 'qa-qp')
  @ApiOperation({
    summary:
      "Delete a journey's records: refused with QA-03 while they must be retained (30 years for traceability records). Roles: ops, qa-qp.",
  })
  async remove(@Param('donorCode') code: string) {
    await this.services.request(
      'donorIntake',
      'DELETE',
      `/internal/donors/${requireDonorCode(code)}`,
    );
  }

  @Get(':donorCode')
  @Roles('scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops')
  @ApiOperation({
    summary: 'The journey: stage, timeline, pending deadlines, Temporal UI link. All roles.',
  })
  status(@Param('donorCode') code: string) {
    return this.journeys.status(code);
  }

  @StepEndpoint('recordDonorScreening')
  recordDonorScreening(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('recordDonorScreening', {
      code,
      body,
      user,
      key,
      path: req.originalUrl,
    });
  }

  @StepEndpoint('scheduleCollection')
  scheduleCollection(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('scheduleCollection', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('recordCollection')
  recordCollection(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('recordCollection', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('recordPostCollectionStorage')
  recordPostCollectionStorage(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('recordPostCollectionStorage', {
      code,
      body,
      user,
      key,
      path: req.originalUrl,
    });
  }

  @StepEndpoint('handOverToCourier')
  handOverToCourier(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('handOverToCourier', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('recordMaterialReceipt')
  recordMaterialReceipt(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('recordMaterialReceipt', {
      code,
      body,
      user,
      key,
      path: req.originalUrl,
    });
  }

  @StepEndpoint('releaseMaterial')
  releaseMaterial(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('releaseMaterial', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('rejectMaterial')
  rejectMaterial(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('rejectMaterial', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('startProduction')
  startProduction(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('startProduction', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('completeProduction')
  completeProduction(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('completeProduction', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('recordQcResult')
  recordQcResult(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('recordQcResult', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('releaseBatch')
  releaseBatch(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('releaseBatch', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('rejectBatch')
  rejectBatch(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('rejectBatch', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('shipToSite')
  shipToSite(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('shipToSite', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('receiveAtSite')
  receiveAtSite(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('receiveAtSite', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('recordInfusion')
  recordInfusion(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('recordInfusion', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('completeFollowUp')
  completeFollowUp(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('completeFollowUp', { code, body, user, key, path: req.originalUrl });
  }

  @StepEndpoint('cancelJourney')
  cancelJourney(
    @Param('donorCode') code: string,
    @Body() body: unknown,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Headers(KEY) key?: string,
  ) {
    return this.steps.take('cancelJourney', { code, body, user, key, path: req.originalUrl });
  }
}
