import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type DecontaminationCommand,
  decontaminationCommandSchema,
  DomainError,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { BatchRecordRepository } from './batch-record.repository';
import { RecordDecontaminationUseCase } from './usecases/record-decontamination.usecase';

/**
 * Internal API of the electronic batch record (PER-02, PRD-06); the gateway exposes it with
 * roles. Steps are started and completed through the batch-record workflow, not here.
 */
@Controller('internal')
export class BatchRecordController {
  constructor(
    private readonly records: BatchRecordRepository,
    private readonly decontamination: RecordDecontaminationUseCase,
  ) {}

  @Post('decontaminations')
  @HttpCode(201)
  recordDecontamination(
    @Body(new ZodBodyPipe(decontaminationCommandSchema)) command: DecontaminationCommand,
  ) {
    return this.decontamination.execute(command);
  }

  /** The recorded steps, labels and deviations of a batch. */
  @Get('batch-records/:batchNumber')
  async batchRecord(@Param('batchNumber') batchNumber: string) {
    const entries = await this.records.entries(batchNumber);
    if (!entries) throw new DomainError('NOT_FOUND', `no batch ${batchNumber}`);
    return entries;
  }

  /** One generated label, for the gateway to render as PDF or PNG with its Data Matrix. */
  @Get('batch-labels/:labelId')
  async label(@Param('labelId') labelId: string) {
    const label = await this.records.label(labelId);
    if (!label) throw new DomainError('NOT_FOUND', `no batch label ${labelId}`);
    return label;
  }
}
