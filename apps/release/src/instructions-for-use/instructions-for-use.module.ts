import { Module } from '@nestjs/common';
import { InstructionsForUseController } from './instructions-for-use.controller';
import { InstructionsForUseRepository } from './instructions-for-use.repository';
import { AcknowledgeInstructionsForUseUseCase } from './usecases/acknowledge-instructions-for-use.usecase';

/**
 * The instructions for use that travel with each shipment and their acknowledgement (OTH-01);
 * the data source is the app's. The shipment and infusion steps use the exported repository.
 */
@Module({
  controllers: [InstructionsForUseController],
  providers: [InstructionsForUseRepository, AcknowledgeInstructionsForUseUseCase],
  exports: [InstructionsForUseRepository],
})
export class InstructionsForUseModule {}
