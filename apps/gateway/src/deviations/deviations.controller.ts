import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { requireDonorCode, signatureRequestSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { actorOf, AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { InternalServiceClient } from '../internal/internal-service.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { ElectronicSignatureService } from '../signatures/electronic-signature.service';

const text = (max: number) => z.string().trim().min(1).max(max);
const closeBody = z.strictObject({
  investigation: text(4000),
  rootCause: text(2000),
  correctiveAction: text(2000),
  signature: signatureRequestSchema,
});

/** A journey's deviations and QA's signed closure of each (DON-06.4). */
@ApiTags('deviations')
@ApiBearerAuth()
@Controller('api/journeys/:donorCode/deviations')
export class DeviationsController {
  constructor(
    private readonly services: InternalServiceClient,
    private readonly signatures: ElectronicSignatureService,
  ) {}

  @Get()
  @Roles('operator', 'qa-qp', 'ops')
  @ApiOperation({
    summary:
      "The deviations raised for a journey's donor material, open or closed. Roles: operator, qa-qp, ops.",
  })
  list(@Param('donorCode') code: string) {
    return this.services.request(
      'donorIntake',
      'GET',
      `/internal/deviations/${requireDonorCode(code)}`,
    );
  }

  @Post(':deviationId/close')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @ApiOperation({
    summary:
      'Close a deviation with its investigation, root cause and corrective action, signed (DON-06.4, CSV-02). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(closeBody) })
  async close(
    @Param('donorCode') code: string,
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(closeBody)) body: z.infer<typeof closeBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
  ) {
    const donorCode = requireDonorCode(code);
    const { signature: credentials, ...closure } = body;
    return this.signatures.decide({
      user,
      password: credentials.password,
      path: req.originalUrl,
      content: {
        meaning: 'closed',
        recordType: 'deviation-closure',
        recordId: deviationId,
        donorCode,
        detail: { donorCode, ...closure },
      },
      record: (signature) =>
        this.services.request(
          'donorIntake',
          'POST',
          `/internal/deviations/${encodeURIComponent(deviationId)}/close`,
          { donorCode, ...closure, closedBy: actorOf(user), signature },
        ),
    });
  }
}
