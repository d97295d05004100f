import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  type RecallDispositionRequest,
  recallDispositionSchema,
  type RecallRequest,
  recallRequestSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { RoleRefusalCode, Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { RecallsClient } from '../internal/recalls.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { RecallsService } from './recalls.service';

/**
 * Recalls (QA-04, TRC-01): the qualified person's signed recall of a batch or a key-material
 * lot, which reaches every journey the genealogy finds; each unit tracked to its end; the
 * report. Each method only translates HTTP.
 */
@ApiTags('recalls')
@ApiBearerAuth()
@Controller('api/recalls')
export class RecallsController {
  constructor(
    private readonly recalls: RecallsService,
    private readonly production: RecallsClient,
  ) {}

  @Post()
  @PerformsOperation('recallProduct')
  @HttpCode(201)
  @Roles('qa-qp')
  @RoleRefusalCode('PER-03')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Recall a batch (`scope: batch`, `batchNumber`) or a key-material lot (`scope: key-material-lot`, `lotId`) with its reason and class, signed with the password re-entered (CSV-02, PER-03): every journey the genealogy reaches gets a unit, is signalled (its shipment, receipt at site and infusion refused QA-04) and its institution notified. Refused QA-04 when it reaches no journey. Roles: qa-qp.',
  })
  @ApiBody({ schema: openApiSchema(recallRequestSchema) })
  recall(
    @Body(new ZodBodyPipe(recallRequestSchema)) body: RecallRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: Request,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.recalls.recall(body, { user, idempotency, path: req.originalUrl });
  }

  @Get()
  @Roles('qa-qp', 'ops')
  @ApiOperation({
    summary: 'Every recall, newest first, each with its units and their status. Roles: qa-qp, ops.',
  })
  list() {
    return this.production.list();
  }

  @Get(':recallId')
  @Roles('qa-qp', 'ops')
  @ApiOperation({ summary: 'One recall with its units and their status. Roles: qa-qp, ops.' })
  one(@Param('recallId') recallId: string) {
    return this.production.one(recallId);
  }

  @Post(':recallId/units/:donorCode/disposition')
  @PerformsOperation('recordRecallDisposition')
  @HttpCode(200)
  @Roles('qa-qp', 'ops')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Record how a recalled unit ended: `returned`, `destroyed`, or `already-infused` (the patient is followed up), with a note; once per unit, refused QA-04 after that. Roles: qa-qp, ops.',
  })
  @ApiBody({ schema: openApiSchema(recallDispositionSchema) })
  disposition(
    @Param('recallId') recallId: string,
    @DonorCodeParam() donorCode: string,
    @Body(new ZodBodyPipe(recallDispositionSchema)) body: RecallDispositionRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.recalls.recordDisposition(recallId, donorCode, body, { user, idempotency });
  }

  @Get(':recallId/report.pdf')
  @Roles('qa-qp', 'ops')
  @Header('content-type', 'application/pdf')
  @ApiOperation({
    summary: 'The recall report: what, why, who signed, each unit and its end. Roles: qa-qp, ops.',
  })
  async report(@Param('recallId') recallId: string) {
    return new StreamableFile(await this.recalls.report(recallId));
  }
}
