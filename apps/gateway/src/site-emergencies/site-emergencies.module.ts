import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { ReleaseSiteEmergenciesClient } from './release-site-emergencies.client';
import { SiteEmergenciesController } from './site-emergencies.controller';
import { SiteEmergenciesService } from './site-emergencies.service';

/** Emergencies found at the treatment site, kept by the release service (QA-04). */
@Module({
  imports: [SharedModule],
  controllers: [SiteEmergenciesController],
  providers: [SiteEmergenciesService, ReleaseSiteEmergenciesClient],
})
export class SiteEmergenciesModule {}
