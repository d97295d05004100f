import { Module } from '@nestjs/common';
import { FacilityModule } from '../facility/facility.module';
import { MediaFillRepository } from './media-fill.repository';
import { MediaFillsController } from './media-fills.controller';
import { MediaFillStanding } from './usecases/media-fill-standing.usecase';
import { RecordMediaFillUseCase } from './usecases/record-media-fill.usecase';

/**
 * Media fills (PRD-02, §9(2)): the runs per line and shift and their standing. `MediaFillStanding`
 * is exported: booking and starting production call `require` inside their transaction.
 */
@Module({
  imports: [FacilityModule],
  controllers: [MediaFillsController],
  providers: [MediaFillRepository, RecordMediaFillUseCase, MediaFillStanding],
  exports: [MediaFillStanding],
})
export class MediaFillsModule {}
