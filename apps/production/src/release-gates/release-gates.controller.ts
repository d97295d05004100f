import { Controller, Get, Param, Query } from '@nestjs/common';
import { DomainError, journeyWorkflowId } from '@v2v/contracts';
import { ProductionReleaseGatesUseCase } from './usecases/production-release-gates.usecase';

/** Internal read of production's release gates, as the `productionReleaseGates` activity. */
@Controller('internal/batch-records/:batchNumber/release-gates')
export class ReleaseGatesController {
  constructor(private readonly gates: ProductionReleaseGatesUseCase) {}

  @Get()
  list(@Param('batchNumber') batchNumber: string, @Query('donorCode') donorCode?: string) {
    if (!donorCode) throw new DomainError('VALIDATION_FAILED', 'donorCode is required');
    return this.gates.execute({ batchNumber, donorCode, journeyId: journeyWorkflowId(donorCode) });
  }
}
