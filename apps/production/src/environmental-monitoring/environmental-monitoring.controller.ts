import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type CloseDeviationCommand,
  closeDeviationCommandSchema,
  type ContaminationImpactCheck,
  contaminationImpactCheckSchema,
  DomainError,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { EmDeviationRepository } from './em-deviation.repository';
import { EnvironmentalMonitoringRepository } from './environmental-monitoring.repository';
import {
  AssessContaminationImpactCommand,
  assessContaminationImpactCommandSchema,
  AssessContaminationImpactUseCase,
} from './usecases/assess-contamination-impact.usecase';
import { CloseEmDeviationUseCase } from './usecases/close-em-deviation.usecase';
import { excursionView } from './usecases/em-views';
import {
  IdentifyOrganismCommand,
  identifyOrganismCommandSchema,
  IdentifyOrganismUseCase,
} from './usecases/identify-organism.usecase';
import {
  RecordEmResultsCommand,
  recordEmResultsCommandSchema,
  RecordEmResultsUseCase,
} from './usecases/record-em-results.usecase';
import {
  RecordEmSessionCommand,
  recordEmSessionCommandSchema,
  RecordEmSessionUseCase,
} from './usecases/record-em-session.usecase';
import { ReleaseHoldsUseCase } from './usecases/release-holds.usecase';

/** An optional instant of a query string, refused 400 when it is not one. */
function instant(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (Number.isNaN(Date.parse(raw)))
    throw new DomainError('VALIDATION_FAILED', `${name} must be an ISO 8601 instant`, {
      fieldErrors: [{ path: name, message: 'an ISO 8601 instant' }],
    });
  return new Date(raw).toISOString();
}

/** Internal API of environmental monitoring (PRD-05); the gateway exposes it with roles. */
@Controller('internal/environmental-monitoring')
export class EnvironmentalMonitoringController {
  constructor(
    private readonly repository: EnvironmentalMonitoringRepository,
    private readonly recordSession: RecordEmSessionUseCase,
    private readonly recordResults: RecordEmResultsUseCase,
    private readonly identify: IdentifyOrganismUseCase,
    private readonly assess: AssessContaminationImpactUseCase,
    private readonly holds: ReleaseHoldsUseCase,
    private readonly deviations: EmDeviationRepository,
    private readonly closeDeviation: CloseEmDeviationUseCase,
  ) {}

  @Post('sessions')
  @HttpCode(201)
  session(@Body(new ZodBodyPipe(recordEmSessionCommandSchema)) command: RecordEmSessionCommand) {
    return this.recordSession.execute(command);
  }

  @Get('sessions')
  sessions(
    @Query('roomCode') roomCode?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    return this.repository.sessions({
      roomCode,
      from: instant('from', from),
      to: instant('to', to),
    });
  }

  @Post('sessions/:sessionId/results')
  @HttpCode(201)
  results(
    @Param('sessionId') sessionId: string,
    @Body(new ZodBodyPipe(recordEmResultsCommandSchema)) command: RecordEmResultsCommand,
  ) {
    return this.recordResults.execute(uuid('sessionId', sessionId), command);
  }

  @Get('excursions')
  async excursions(@Query('open') open?: string) {
    const all = (await this.repository.excursions({})).map(excursionView);
    return open === 'true' ? all.filter((x) => x.open) : all;
  }

  @Post('excursions/:excursionId/organism-identification')
  @HttpCode(201)
  identifyOrganism(
    @Param('excursionId') excursionId: string,
    @Body(new ZodBodyPipe(identifyOrganismCommandSchema)) command: IdentifyOrganismCommand,
  ) {
    return this.identify.execute(uuid('excursionId', excursionId), command);
  }

  /** Would this assessment be allowed now? The gateway asks before it records a signature. */
  @Get('excursions/:excursionId/impact-assessment-check')
  checkAssessment(
    @Param('excursionId') excursionId: string,
    @Query(new ZodBodyPipe(contaminationImpactCheckSchema)) query: ContaminationImpactCheck,
  ) {
    return this.assess.check(uuid('excursionId', excursionId), query.donorCode, query.eventId);
  }

  @Post('excursions/:excursionId/impact-assessments')
  @HttpCode(201)
  assessImpact(
    @Param('excursionId') excursionId: string,
    @Body(new ZodBodyPipe(assessContaminationImpactCommandSchema))
    command: AssessContaminationImpactCommand,
  ) {
    return this.assess.execute(uuid('excursionId', excursionId), command);
  }

  /** PRD-05: the open holds on a journey's batch (the release decision asks for them). */
  @Get('release-holds')
  releaseHolds(@Query('donorCode') donorCode?: string) {
    if (!donorCode) throw new DomainError('VALIDATION_FAILED', 'donorCode is required');
    return this.holds.holdsOf(donorCode);
  }

  /** PRD-05: the deviations excursions raised on a journey, open or closed. */
  @Get('deviations')
  deviationsOf(@Query('donorCode') donorCode?: string) {
    if (!donorCode) throw new DomainError('VALIDATION_FAILED', 'donorCode is required');
    return this.deviations.list(donorCode);
  }

  @Post('deviations/:deviationId/close')
  @HttpCode(200)
  close(
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(closeDeviationCommandSchema)) command: CloseDeviationCommand,
  ) {
    return this.closeDeviation.execute(uuid('deviationId', deviationId), command);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id: a malformed one is answered like an unknown one, not with a database error. */
function uuid(name: string, raw: string): string {
  if (!UUID.test(raw)) throw new DomainError('NOT_FOUND', `no ${name.replace('Id', '')} ${raw}`);
  return raw;
}
