import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AdverseReactionReport, adverseReactionReportSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { AdverseReactionsService } from './adverse-reactions.service';

/** Adverse reactions after the infusion, the hospital's product-use record back (TRC-04). */
@ApiTags('adverse-reactions')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode/adverse-reactions')
export class AdverseReactionsController {
  constructor(private readonly reactions: AdverseReactionsService) {}

  @Post()
  @PerformsOperation('reportAdverseReaction')
  @HttpCode(201)
  @Roles('hospital')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Report an adverse reaction of the journey's patient after the infusion: description, onset, CTCAE grade 1–5, seriousness, outcome; recorded once, never changed (TRC-04). Roles: hospital (of the journey's institution).",
  })
  @ApiBody({ schema: openApiSchema(adverseReactionReportSchema) })
  report(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(adverseReactionReportSchema)) body: AdverseReactionReport,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.reactions.report(donorCode, body, { user, idempotency });
  }

  @Get()
  @Roles('hospital', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The adverse reactions reported after the journey's infusion, oldest onset first (TRC-04). Roles: hospital, qa-qp, ops.",
  })
  list(@DonorCodeParam() donorCode: string) {
    return this.reactions.ofJourney(donorCode);
  }
}
