import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import {
  batchStepCompletionSchema as completeBody,
  batchStepStartSchema as startBody,
  decontaminationSchema as decontaminationBody,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { Caller, StepCaller } from '../journeys/step-caller.decorator';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { DonorCodeParam } from '../shared/donor-code.pipe';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { BatchRecordService } from './batch-record.service';

const DONOR_CODE = {
  name: 'donorCode',
  description: 'donor unique code (ISBT 128 DIN structure with its check character, TRC-02)',
};
const REFUSALS =
  '409 STEP_OUT_OF_ORDER (not the next step / not in progress), STEP_IN_PROGRESS, ' +
  'or the rule production refused';

/**
 * The electronic batch record (PRD-01..08, PER-02, GEN-01): the journey's child workflow
 * `batch-<batch number>`, one update to start and one to complete each step of the process
 * definition, in order; its labels; decontaminations. Each method only translates HTTP.
 */
@ApiTags('batch record')
@ApiBearerAuth()
@Controller('api')
export class BatchRecordController {
  constructor(private readonly batchRecord: BatchRecordService) {}

  @Get('journeys/:donorCode/batch-record')
  @Roles('operator', 'production-manager', 'qc', 'qa-qp', 'ops')
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary:
      "The journey's batch record: each step's status, booking, start and end; the labels to print and scan; deviations; an in-process transfer under way with its limit (GEN-01); the Temporal UI link. Roles: operator, production-manager, qc, qa-qp, ops.",
  })
  view(@DonorCodeParam() donorCode: string) {
    return this.batchRecord.view(donorCode);
  }

  @Post('journeys/:donorCode/batch-record/steps/:stepId/start')
  @PerformsOperation('startBatchStep')
  @HttpCode(200)
  @Roles('operator')
  @IdempotencyHeader()
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary: `Start the next step on its booking: FAC-01, FAC-02, PRD-02, PRD-03, PRD-04 and PER-02 checked again now, the previous transfer's arrival recorded; ${REFUSALS}. Roles: operator.`,
  })
  @ApiBody({ schema: openApiSchema(startBody) })
  start(
    @DonorCodeParam() donorCode: string,
    @Param('stepId') stepId: string,
    @Body(new ZodBodyPipe(startBody)) body: z.infer<typeof startBody>,
    @Caller() caller: StepCaller,
  ) {
    return this.batchRecord.start(donorCode, stepId, body, caller);
  }

  @Post('journeys/:donorCode/batch-record/steps/:stepId/complete')
  @PerformsOperation('completeBatchStep')
  @HttpCode(200)
  @Roles('operator')
  @IdempotencyHeader()
  @ApiParam(DONOR_CODE)
  @ApiOperation({
    summary: `Complete the step in progress: parameters (PRD-01), consumables by lot (PRD-08, MAT-01), container inspections (PRD-07), label confirmation scans (PRD-06), waste inactivation (PRD-08), the transfer's departure; the last step's completes production; ${REFUSALS}. Roles: operator.`,
  })
  @ApiBody({ schema: openApiSchema(completeBody) })
  complete(
    @DonorCodeParam() donorCode: string,
    @Param('stepId') stepId: string,
    @Body(new ZodBodyPipe(completeBody)) body: z.infer<typeof completeBody>,
    @Caller() caller: StepCaller,
  ) {
    return this.batchRecord.complete(donorCode, stepId, body, caller);
  }

  @Get('journeys/:donorCode/batch-record/labels/:labelId.pdf')
  @Roles('operator', 'production-manager', 'qa-qp')
  @ApiParam(DONOR_CODE)
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'A batch label, 100 × 60 mm: the Data Matrix of the content the confirmation scan must read, and the eye-readable donor unique code, batch, step and container (PRD-06, TRC-03). Roles: operator, production-manager, qa-qp.',
  })
  async labelPdf(@DonorCodeParam() donorCode: string, @Param('labelId') labelId: string) {
    const pdf = await this.batchRecord.label(donorCode, labelId, 'pdf');
    return file(pdf, 'application/pdf', `${labelId}.pdf`);
  }

  @Get('journeys/:donorCode/batch-record/labels/:labelId.png')
  @Roles('operator', 'production-manager', 'qa-qp')
  @ApiParam(DONOR_CODE)
  @ApiProduces('image/png')
  @ApiOperation({
    summary:
      "A batch label's Data Matrix with the eye-readable donor unique code, batch and step under it (PRD-06). Roles: operator, production-manager, qa-qp.",
  })
  async labelPng(@DonorCodeParam() donorCode: string, @Param('labelId') labelId: string) {
    const png = await this.batchRecord.label(donorCode, labelId, 'png');
    return file(png, 'image/png', `${labelId}.png`);
  }

  @Post('decontaminations')
  @PerformsOperation('recordDecontamination')
  @HttpCode(201)
  @Roles('operator', 'production-manager')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      "Record a person's decontamination on leaving a vector or positive-material area (PER-02). Roles: operator, production-manager.",
  })
  @ApiBody({ schema: openApiSchema(decontaminationBody) })
  decontaminate(
    @Body(new ZodBodyPipe(decontaminationBody)) body: z.infer<typeof decontaminationBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.batchRecord.decontaminate(body, { user, idempotency });
  }
}

const file = (content: Buffer, type: string, name: string) =>
  new StreamableFile(content, { type, disposition: `inline; filename="label-${name}"` });
