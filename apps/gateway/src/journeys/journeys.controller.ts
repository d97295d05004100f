import { Body, Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, JOURNEY_STAGES, JourneyStage } from '@v2v/contracts';
import { actorOf, AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { JourneyCommandsService } from './journey-commands.service';
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
  constructor(private readonly journeys: JourneyCommandsService) {}

  @Get()
  @Roles('scheduler', 'ops', 'qa-qp', 'hospital')
  @ApiOperation({ summary: 'Find journeys by stage and institution (Temporal visibility). Roles: scheduler, ops, qa-qp; hospital (own institution only).' })
  @ApiQuery({ name: 'stage', required: false, enum: JOURNEY_STAGES })
  @ApiQuery({ name: 'institutionId', required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('stage') stage?: string, @Query('institutionId') institutionId?: string) {
    if (stage !== undefined && !JOURNEY_STAGES.includes(stage as JourneyStage)) {
      throw new DomainError('VALIDATION_FAILED', `unknown stage '${stage}'`, { allowed: JOURNEY_STAGES });
    }
    // CSV-03: a hospital user lists its own institution's journeys, whatever it asks for.
    const scope = user.role === 'hospital' ? (user.institutionId ?? '-') : institutionId;
    return this.journeys.list({ stage, institutionId: scope });
  }

  @Get(':donorCode')
  @Roles('scheduler', 'hospital', 'operator', 'qc', 'qa-qp', 'ops')
  @ApiOperation({ summary: 'The journey: stage, timeline, pending deadlines, Temporal UI link. All roles.' })
  status(@Param('donorCode') code: string) {
    return this.journeys.status(code);
  }

  @StepEndpoint('scheduleCollection')
  scheduleCollection(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('scheduleCollection', code, body, actorOf(user), key);
  }

  @StepEndpoint('recordCollection')
  recordCollection(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('recordCollection', code, body, actorOf(user), key);
  }

  @StepEndpoint('handOverToCourier')
  handOverToCourier(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('handOverToCourier', code, body, actorOf(user), key);
  }

  @StepEndpoint('recordMaterialReceipt')
  recordMaterialReceipt(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('recordMaterialReceipt', code, body, actorOf(user), key);
  }

  @StepEndpoint('releaseMaterial')
  releaseMaterial(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('releaseMaterial', code, body, actorOf(user), key);
  }

  @StepEndpoint('rejectMaterial')
  rejectMaterial(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('rejectMaterial', code, body, actorOf(user), key);
  }

  @StepEndpoint('startProduction')
  startProduction(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('startProduction', code, body, actorOf(user), key);
  }

  @StepEndpoint('completeProduction')
  completeProduction(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('completeProduction', code, body, actorOf(user), key);
  }

  @StepEndpoint('recordQcResult')
  recordQcResult(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('recordQcResult', code, body, actorOf(user), key);
  }

  @StepEndpoint('releaseBatch')
  releaseBatch(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('releaseBatch', code, body, actorOf(user), key);
  }

  @StepEndpoint('rejectBatch')
  rejectBatch(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('rejectBatch', code, body, actorOf(user), key);
  }

  @StepEndpoint('shipToSite')
  shipToSite(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('shipToSite', code, body, actorOf(user), key);
  }

  @StepEndpoint('receiveAtSite')
  receiveAtSite(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('receiveAtSite', code, body, actorOf(user), key);
  }

  @StepEndpoint('recordInfusion')
  recordInfusion(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('recordInfusion', code, body, actorOf(user), key);
  }

  @StepEndpoint('completeFollowUp')
  completeFollowUp(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('completeFollowUp', code, body, actorOf(user), key);
  }

  @StepEndpoint('cancelJourney')
  cancelJourney(@Param('donorCode') code: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser, @Headers(KEY) key?: string) {
    return this.journeys.step('cancelJourney', code, body, actorOf(user), key);
  }
}
