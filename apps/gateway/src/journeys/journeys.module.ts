import { Module } from '@nestjs/common';
import { AccountsModule } from '../auth/accounts.module';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { TrainingModule } from '../training/training.module';
import { JourneyStepsController } from './journey-steps.controller';
import { BedsideCheckService } from './bedside-check.service';
import { JourneyStepsService } from './journey-steps.service';
import { JourneyWorkflowRepository } from './journey-workflow.repository';
import { JourneysController } from './journeys.controller';

/** Journeys: the list, status and deletion, and one endpoint per business step. */
@Module({
  imports: [SharedModule, AccountsModule, TrainingModule, SignaturesModule],
  controllers: [JourneysController, JourneyStepsController],
  providers: [JourneyWorkflowRepository, JourneyStepsService, BedsideCheckService],
  exports: [JourneyWorkflowRepository],
})
export class JourneysModule {}
