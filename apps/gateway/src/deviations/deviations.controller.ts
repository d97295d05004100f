import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  deviationClosureSchema,
  emergencyDecisionSchema,
  signatureRequestSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { DeviationClosureService } from './deviation-closure.service';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { ChangesReleaseGates } from '../release-gates/changes-release-gates';

/** `emergency`: QA's decision on an emergency on the product (QA-04), signed with the closure. */
const closeBody = deviationClosureSchema.extend({
  signature: signatureRequestSchema,
  emergency: emergencyDecisionSchema.optional(),
});

/** A journey's deviations and QA's signed closure of each (DON-06.4, PRD-05, QA-04). */
@ApiTags('deviations')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode/deviations')
export class DeviationsController {
  constructor(private readonly closures: DeviationClosureService) {}

  @Get()
  @Roles('operator', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The deviations raised for a journey: its donor material's, its environmental monitoring excursions' (PRD-05) and the emergencies on its product (QA-04), open or closed. Roles: operator, qa-qp, ops.",
  })
  list(@DonorCodeParam() donorCode: string) {
    return this.closures.deviations(donorCode);
  }

  @Post(':deviationId/close')
  @ChangesReleaseGates('deviation closed')
  @PerformsOperation('closeDeviation')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Close a deviation with its investigation, root cause and corrective action, signed (DON-06.4, CSV-02). An emergency on the product (QA-04) also takes `emergency`: the preventive action, the product's disposition (use, destroy, return-to-manufacturer; never use after a wrong or lost label) and the recall decision; required for one found at the site. Roles: qa-qp.",
  })
  @ApiBody({ schema: openApiSchema(closeBody) })
  close(
    @DonorCodeParam() donorCode: string,
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(closeBody)) body: z.infer<typeof closeBody>,
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
