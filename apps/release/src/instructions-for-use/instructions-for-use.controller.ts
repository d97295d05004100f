import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type AcknowledgeInstructionsForUseCommand,
  acknowledgeInstructionsForUseCommandSchema,
  DomainError,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { InstructionsForUseRepository } from './instructions-for-use.repository';
import { AcknowledgeInstructionsForUseUseCase } from './usecases/acknowledge-instructions-for-use.usecase';

/** Internal API of the instructions for use shipped with products (OTH-01). */
@Controller('internal')
export class InstructionsForUseController {
  constructor(
    private readonly instructions: InstructionsForUseRepository,
    private readonly acknowledgement: AcknowledgeInstructionsForUseUseCase,
  ) {}

  /** What travelled with the journey's shipment; NOT_FOUND before the shipment. */
  @Get('journeys/:donorCode/instructions-for-use')
  async shipped(@Param('donorCode') donorCode: string) {
    const shipment = await this.instructions.latestShipment(donorCode);
    if (!shipment)
      throw new DomainError(
        'NOT_FOUND',
        `no instructions for use have been shipped with the product of ${donorCode} yet`,
      );
    return shipment;
  }

  @Post('instructions-for-use/acknowledgements')
  @HttpCode(201)
  acknowledge(
    @Body(new ZodBodyPipe(acknowledgeInstructionsForUseCommandSchema))
    command: AcknowledgeInstructionsForUseCommand,
  ) {
    return this.acknowledgement.execute(command);
  }
}
