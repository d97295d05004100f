import { Controller, Delete, Get, HttpCode, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError, JOURNEY_STAGES, JourneyStage } from '@v2v/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { JourneyWorkflowRepository } from './journey-workflow.repository';

/** The journey list, one journey's status and the deletion of its records. */
@ApiTags('journeys')
@ApiBearerAuth()
@Controller('api/journeys')
export class JourneysController {
  constructor(
    private readonly journeys: JourneyWorkflowRepository,
    private readonly donorIntake: DonorIntakeClient,
  ) {}

  @Get()
  @Roles('scheduler', 'production-manager', 'ops', 'qa-qp', 'hospital')
  @ApiOperation({
    summary:
      'Find journeys by stage and institution (Temporal visibility). Roles: scheduler, production-manager, ops, qa-qp; hospital (own institution only).',
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
  async remove(@DonorCodeParam() donorCode: string) {
    await this.donorIntake.deleteDonor(donorCode);
  }

  @Get(':donorCode')
  @Roles('scheduler', 'hospital', 'operator', 'production-manager', 'qc', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      'The journey: stage, timeline, pending deadlines, Temporal UI link. Every people role.',
  })
  status(@DonorCodeParam() donorCode: string) {
    return this.journeys.status(donorCode);
  }
}
