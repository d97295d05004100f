import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { SignaturesModule } from '../signatures/signatures.module';
import { EnvironmentalMonitoringController } from './environmental-monitoring.controller';
import { EnvironmentalMonitoringService } from './environmental-monitoring.service';

/** Environmental monitoring (PRD-05): sessions, excursions, signed impact assessments, holds. */
@Module({
  imports: [SharedModule, SignaturesModule],
  controllers: [EnvironmentalMonitoringController],
  providers: [EnvironmentalMonitoringService],
})
export class EnvironmentalMonitoringModule {}
