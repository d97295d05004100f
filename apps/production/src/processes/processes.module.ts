import { Module } from '@nestjs/common';
import { signatureRecorderProvider } from '@v2v/service-kit';
import { FacilityRepository } from '../facility/facility.repository';
import { PRODUCTION_SCHEMA } from '../production.data-source';
import { ProcessRepository } from './process.repository';
import { ProcessesController } from './processes.controller';
import { DecideProcessValidationUseCase } from './usecases/decide-process-validation.usecase';
import { ProcessValidationStanding } from './usecases/process-validation-standing.usecase';
import { PublishProcessDefinitionUseCase } from './usecases/publish-process-definition.usecase';

/**
 * Process definitions (PRD-01) and their signed validation (PRD-03); exports the validation
 * standing and the repository for the calendar and the batch record.
 */
@Module({
  controllers: [ProcessesController],
  providers: [
    ProcessRepository,
    FacilityRepository,
    PublishProcessDefinitionUseCase,
    DecideProcessValidationUseCase,
    ProcessValidationStanding,
    signatureRecorderProvider(PRODUCTION_SCHEMA),
  ],
  exports: [ProcessRepository, ProcessValidationStanding],
})
export class ProcessesModule {}
