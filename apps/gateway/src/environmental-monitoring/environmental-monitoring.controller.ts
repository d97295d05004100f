import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  contaminationImpactAssessmentSchema as assessmentBody,
  emResultsSchema as resultsBody,
  emSessionSchema as sessionBody,
  organismIdentificationSchema as organismBody,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { EnvironmentalMonitoringService } from './environmental-monitoring.service';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';

const READERS = ['qc', 'qa-qp', 'production-manager', 'ops'] as const;

/**
 * Environmental monitoring (PRD-05, §9(6)): sessions per room with results judged by the system
 * against the limits of their zone grade, excursions as deviations, the organism identified,
 * QA's signed impact assessment of every exposed batch, and the holds those leave on a
 * journey's batch. Each method only translates HTTP.
 */
@ApiTags('environmental monitoring')
@ApiBearerAuth()
@Controller('api')
export class EnvironmentalMonitoringController {
  constructor(
    private readonly production: ProductionClient,
    private readonly monitoring: EnvironmentalMonitoringService,
  ) {}

  @Post('environmental-monitoring/sessions')
  @PerformsOperation('recordEnvironmentalMonitoring')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Record a monitoring session in a room (at rest or in operation) with its results; each is judged against the limit of its zone grade, and one above it opens an excursion (PRD-05). The Idempotency-Key is the event id. Roles: qc.',
  })
  @ApiBody({ schema: openApiSchema(sessionBody) })
  recordSession(
    @Body(new ZodBodyPipe(sessionBody)) body: z.infer<typeof sessionBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.monitoring.recordSession(body, { user, idempotency });
  }

  @Post('environmental-monitoring/sessions/:sessionId/results')
  @PerformsOperation('recordEnvironmentalMonitoring')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Add results read later, or corrections (a new entry naming the result and the reason; the original stays), to a session (PRD-05). Roles: qc.',
  })
  @ApiBody({ schema: openApiSchema(resultsBody) })
  recordResults(
    @Param('sessionId') sessionId: string,
    @Body(new ZodBodyPipe(resultsBody)) body: z.infer<typeof resultsBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.monitoring.recordResults(sessionId, body, { user, idempotency });
  }

  @Get('environmental-monitoring/sessions')
  @Roles(...READERS)
  @ApiQuery({ name: 'roomCode', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601 instant' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601 instant' })
  @ApiOperation({
    summary:
      'Monitoring sessions with their results, limits and outcomes, by room and time (PRD-05). Roles: qc, qa-qp, production-manager, ops.',
  })
  sessions(
    @Query('roomCode') roomCode?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    return this.production.emSessions({ roomCode, from, to });
  }

  @Get('environmental-monitoring/excursions')
  @Roles(...READERS)
  @ApiQuery({ name: 'open', required: false, enum: ['true'] })
  @ApiOperation({
    summary:
      'Excursions with the batches they exposed, the organism, the impact assessments and what is still pending; `open=true` for the open ones (PRD-05). Roles: qc, qa-qp, production-manager, ops.',
  })
  excursions(@Query('open') open?: string) {
    return this.production.emExcursions(open);
  }

  @Post('environmental-monitoring/excursions/:excursionId/organism-identification')
  @PerformsOperation('identifyOrganism')
  @HttpCode(201)
  @Roles('qc')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Record the organism found on a microbial excursion, with the identification method (PRD-05). Roles: qc.',
  })
  @ApiBody({ schema: openApiSchema(organismBody) })
  identifyOrganism(
    @Param('excursionId') excursionId: string,
    @Body(new ZodBodyPipe(organismBody)) body: z.infer<typeof organismBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.monitoring.identifyOrganism(excursionId, body, { user, idempotency });
  }

  @Post('environmental-monitoring/excursions/:excursionId/impact-assessments')
  @ChangesReleaseGates('contamination impact assessed')
  @PerformsOperation('assessContaminationImpact')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Assess a microbial excursion's impact on one batch it exposed (no-impact, impact-batch-rejected, impact-further-investigation) with the rationale, signed with the password re-entered (PRD-05, CSV-02, PER-03). Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(assessmentBody) })
  assessImpact(
    @Param('excursionId') excursionId: string,
    @Body(new ZodBodyPipe(assessmentBody)) body: z.infer<typeof assessmentBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.monitoring.assessImpact({
      excursionId,
      entry: body,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }

  @Get('journeys/:donorCode/environmental-monitoring-holds')
  @Roles('qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The PRD-05 holds on the journey's batch: microbial excursions in a room during a session it was in, not cleared by a no-impact assessment. Roles: qa-qp, ops.",
  })
  holds(@DonorCodeParam() donorCode: string) {
    return this.production.emReleaseHolds(donorCode);
  }
}
