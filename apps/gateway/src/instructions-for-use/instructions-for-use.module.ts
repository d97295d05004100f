import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { InstructionsForUseController } from './instructions-for-use.controller';
import { InstructionsForUseService } from './instructions-for-use.service';
import { ReleaseInstructionsForUseClient } from './release-instructions-for-use.client';

/** The instructions for use shipped with the product, as PDF, and their receipt (OTH-01). */
@Module({
  imports: [SharedModule, JourneysModule],
  controllers: [InstructionsForUseController],
  providers: [InstructionsForUseService, ReleaseInstructionsForUseClient],
})
export class InstructionsForUseModule {}
