import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import {
  keyMaterialConsumptionSchema as consumptionBody,
  keyMaterialLotReceiptSchema as receiveLotBody,
  keyMaterialLotRejectionSchema as rejectLotBody,
  keyMaterialLotReleaseSchema as releaseLotBody,
  keyMaterialRegistrationSchema as registerKeyMaterialBody,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { KeyMaterialsService } from './key-materials.service';
import { PerformsOperation } from '../training/performs-operation.decorator';

/**
 * Key materials (MAT-01, MAT-02): the catalogue with risk assessments, lots received into
 * quarantine and released or rejected by QA as a signed decision, consumption by a journey's
 * batch, and the genealogy both ways (TRC-01). Each method only translates HTTP.
 */
@ApiTags('key materials')
@ApiBearerAuth()
@Controller('api')
export class KeyMaterialsController {
  constructor(
    private readonly production: ProductionClient,
    private readonly keyMaterials: KeyMaterialsService,
  ) {}

  @Get('key-materials')
  @Roles('ops', 'qa-qp', 'operator')
  @ApiOperation({
    summary:
      'The key-material catalogue: risk assessments, IVD approvals and every lot with its inspection and status. Roles: ops, qa-qp, operator.',
  })
  catalogue() {
    return this.production.keyMaterials();
  }

  @Post('key-materials')
  @PerformsOperation('registerKeyMaterial')
  @HttpCode(201)
  @Roles('qa-qp')
  @ApiOperation({
    summary:
      'Register a key material with its risk assessment (MAT-01); an IVD reagent with its approval status and, unless blood-screening-approved, a justification (MAT-02). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(registerKeyMaterialBody) })
  register(
    @Body(new ZodBodyPipe(registerKeyMaterialBody)) body: z.infer<typeof registerKeyMaterialBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.keyMaterials.register(body, user);
  }

  @Post('key-materials/:materialCode/lots')
  @PerformsOperation('receiveKeyMaterialLot')
  @HttpCode(201)
  @Roles('operator')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Receive a lot into quarantine with its incoming inspection; the lot id is generated, the inspector is the caller (MAT-01). Roles: operator.',
  })
  @ApiBody({ schema: openApiSchema(receiveLotBody) })
  receiveLot(
    @Param('materialCode') materialCode: string,
    @Body(new ZodBodyPipe(receiveLotBody)) body: z.infer<typeof receiveLotBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.keyMaterials.receiveLot(materialCode, body, { user, idempotency });
  }

  @Post('key-material-lots/:lotId/release')
  @PerformsOperation('decideKeyMaterialLot')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Release a lot in quarantine, signed with the password re-entered (CSV-02, PER-03); refused MAT-01 after a failed inspection, an unchecked certificate of analysis or expiry. Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(releaseLotBody) })
  release(
    @Param('lotId') lotId: string,
    @Body(new ZodBodyPipe(releaseLotBody)) body: z.infer<typeof releaseLotBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.keyMaterials.decide({
      lotId,
      decision: 'released',
      comment: body.comment,
      password: body.signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }

  @Post('key-material-lots/:lotId/reject')
  @PerformsOperation('decideKeyMaterialLot')
  @HttpCode(200)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Reject a lot in quarantine with its reason, signed with the password re-entered (CSV-02, PER-03). Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(rejectLotBody) })
  reject(
    @Param('lotId') lotId: string,
    @Body(new ZodBodyPipe(rejectLotBody)) body: z.infer<typeof rejectLotBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.keyMaterials.decide({
      lotId,
      decision: 'rejected',
      comment: body.reason,
      password: body.signature.password,
      user,
      idempotency,
      path: req.originalUrl,
    });
  }

  @Get('key-material-lots/:lotId/genealogy')
  @Roles('ops', 'qa-qp', 'operator')
  @ApiOperation({
    summary:
      'A lot forward: every batch, donor code and patient reference it went into (TRC-01). Roles: ops, qa-qp, operator.',
  })
  genealogy(@Param('lotId') lotId: string) {
    return this.keyMaterials.genealogy(lotId);
  }

  @Post('journeys/:donorCode/key-material-consumptions')
  @PerformsOperation('recordKeyMaterialConsumption')
  @HttpCode(201)
  @Roles('operator')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Record that the journey's batch in production consumed a quantity of a released, unexpired lot (MAT-01); the Idempotency-Key is the event id. Roles: operator.",
  })
  @ApiBody({ schema: openApiSchema(consumptionBody) })
  consume(
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(consumptionBody)) body: z.infer<typeof consumptionBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.keyMaterials.consume(donorCode, body, { user, idempotency });
  }

  @Get('journeys/:donorCode/key-materials')
  @Roles('ops', 'qa-qp', 'operator')
  @ApiOperation({
    summary:
      'A journey backward: every key-material lot its batch consumed, with material and lot details (TRC-01). Roles: ops, qa-qp, operator.',
  })
  journeyMaterials(@DonorCodeParam() donorCode: string) {
    return this.production.consumptionsOf(donorCode);
  }
}
