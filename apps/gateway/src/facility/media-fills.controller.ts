import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { mediaFillSchema as mediaFillBody } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { FacilityService } from './facility.service';

/**
 * Media fills (PRD-02, §9(2)): runs recorded by the production manager, judged by the system,
 * and the standing of a line and shift that production rests on.
 */
@ApiTags('media fills')
@ApiBearerAuth()
@Controller('api')
export class MediaFillsController {
  constructor(
    private readonly production: ProductionClient,
    private readonly facility: FacilityService,
  ) {}

  @Post('media-fills')
  @PerformsOperation('recordMediaFill')
  @HttpCode(201)
  @Roles('production-manager')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Record a media fill run of a line and shift: kind, approach with its rationale and worst cases (PRD-02), products and equipment classes covered, operations not simulated with their rationale, units; the result is judged from the units. The Idempotency-Key is the event id. Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(mediaFillBody) })
  record(
    @Body(new ZodBodyPipe(mediaFillBody)) body: z.infer<typeof mediaFillBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.facility.recordMediaFill(body, user, idempotency);
  }

  @Get('production-lines/:lineCode/media-fill-status')
  @Roles('production-manager', 'operator', 'qa-qp', 'qc', 'ops')
  @ApiQuery({ name: 'shift', required: true, description: 'the shift code, e.g. DAY' })
  @ApiOperation({
    summary:
      "A line and shift's media fill standing today (PRD-02): current or not, why, the last pass and until when it counts, with the runs. Roles: production-manager, operator, qa-qp, qc, ops.",
  })
  status(@Param('lineCode') lineCode: string, @Query('shift') shift?: string) {
    return this.production.mediaFillStatus(lineCode, shift);
  }
}
