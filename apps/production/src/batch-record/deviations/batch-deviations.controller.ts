import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type CloseDeviationCommand,
  closeDeviationCommandSchema,
  DomainError,
  requireDonorCode,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { BatchDeviationClosureRepository } from './batch-deviation-closure.repository';
import { CloseBatchDeviationUseCase } from './usecases/close-batch-deviation.usecase';

/** Internal API of the batch record's deviations and QA's closures (QA-02.3). */
@Controller('internal/batch-records/:batchNumber/deviations')
export class BatchDeviationsController {
  constructor(
    private readonly deviations: BatchDeviationClosureRepository,
    private readonly closure: CloseBatchDeviationUseCase,
  ) {}

  /** The batch's deviations with whether each is closed. */
  @Get()
  list(@Param('batchNumber') batchNumber: string, @Query('donorCode') donorCode?: string) {
    if (!donorCode) throw new DomainError('VALIDATION_FAILED', 'donorCode is required');
    return this.deviations.standings(batchNumber, requireDonorCode(donorCode));
  }

  @Post(':deviationId/closure')
  @HttpCode(201)
  close(
    @Param('batchNumber') batchNumber: string,
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(closeDeviationCommandSchema)) command: CloseDeviationCommand,
  ) {
    return this.closure.execute({ batchNumber, deviationId }, command);
  }
}
