import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { FacilityController } from './facility.controller';
import { FacilityService } from './facility.service';
import { MediaFillsController } from './media-fills.controller';

/** The facility register, integrity checks (FAC-01) and media fills (PRD-02). */
@Module({
  imports: [SharedModule],
  controllers: [FacilityController, MediaFillsController],
  providers: [FacilityService],
})
export class FacilityModule {}
