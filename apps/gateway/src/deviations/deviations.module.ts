import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { DeviationClosureService } from './deviation-closure.service';
import { DeviationsController } from './deviations.controller';
import { ReleaseEmergencyClient } from './release-emergency.client';

/** A journey's deviations and QA's signed closure of each (DON-06.4). */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [DeviationsController],
  providers: [DeviationClosureService, ReleaseEmergencyClient],
})
export class DeviationsModule {}
