import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { TrainingModule } from '../training/training.module';
import { JourneyStepsController } from './journey-steps.controller';
import { JourneyStepsService } from './journey-steps.service';
import { JourneyWorkflowRepository } from './journey-workflow.repository';
import { JourneysController } from './journeys.controller';

/** Journeys: the list, status and deletion, and one endpoint per business step. */
@Module({
  imports: [SharedModule, TrainingModule, SignaturesModule],
  controllers: [JourneysController, JourneyStepsController],
  providers: [JourneyWorkflowRepository, JourneyStepsService],
  exports: [JourneyWorkflowRepository],
})
export class JourneysModule {}
