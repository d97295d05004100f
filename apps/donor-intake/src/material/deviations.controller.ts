import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ZodBodyPipe } from '@v2v/service-kit';
import { DeviationRepository } from './deviation.repository';
import { CloseDeviationCommand, closeDeviationCommandSchema } from '@v2v/contracts';
import { CloseDeviationUseCase } from './usecases/close-deviation.usecase';

/**
 * Deviations of a donor's material and their closure by QA (DON-06.4): a unit is released to
 * production only when every deviation raised for it has been investigated and closed.
 */
@Controller('internal/deviations')
export class DeviationsController {
  constructor(
    private readonly deviations: DeviationRepository,
    private readonly closeDeviation: CloseDeviationUseCase,
  ) {}

  @Get(':donorCode')
  list(@Param('donorCode') donorCode: string) {
    return this.deviations.list(donorCode);
  }

  @Post(':deviationId/close')
  close(
    @Param('deviationId') deviationId: string,
    @Body(new ZodBodyPipe(closeDeviationCommandSchema)) body: CloseDeviationCommand,
  ) {
    return this.closeDeviation.execute(deviationId, body);
  }
}
