import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { type CloseDeviationCommand, closeDeviationCommandSchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ProductEmergencyRepository } from './product-emergency.repository';
import { CloseProductEmergencyUseCase } from './usecases/close-product-emergency.usecase';

/** Internal API of the emergencies raised on products (QA-04); the gateway adds the roles. */
@Controller('internal')
export class EmergenciesController {
  constructor(
    private readonly emergencies: ProductEmergencyRepository,
    private readonly closures: CloseProductEmergencyUseCase,
  ) {}

  @Get('journeys/:donorCode/emergencies')
  list(@Param('donorCode') donorCode: string) {
    return this.emergencies.list(donorCode);
  }

  @Post('emergencies/:emergencyId/close')
  @HttpCode(201)
  close(
    @Param('emergencyId') emergencyId: string,
    @Body(new ZodBodyPipe(closeDeviationCommandSchema)) command: CloseDeviationCommand,
  ) {
    return this.closures.execute(emergencyId, command);
  }
}
