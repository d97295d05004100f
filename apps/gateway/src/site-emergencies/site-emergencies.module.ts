import { Module } from '@nestjs/common';
import { ReleaseEmergencyClient } from '../deviations/release-emergency.client';
import { SharedModule } from '../shared/shared.module';
import { ReleaseSiteEmergenciesClient } from './release-site-emergencies.client';
import { SiteEmergenciesController } from './site-emergencies.controller';
import { SiteEmergenciesService } from './site-emergencies.service';

/** Emergencies found at the treatment site and the emergency report, from release (QA-04). */
@Module({
  imports: [SharedModule],
  controllers: [SiteEmergenciesController],
  providers: [SiteEmergenciesService, ReleaseSiteEmergenciesClient, ReleaseEmergencyClient],
})
export class SiteEmergenciesModule {}
