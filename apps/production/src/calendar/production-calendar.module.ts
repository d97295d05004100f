import { Module } from '@nestjs/common';
import { FacilityRepository } from '../facility/facility.repository';
import { ProcessesModule } from '../processes/processes.module';
import { ProductionCalendarController } from './production-calendar.controller';
import { RoomBookingRepository } from './room-booking.repository';
import { BookProcessStepUseCase } from './usecases/book-process-step.usecase';
import { CancelBookingUseCase } from './usecases/cancel-booking.usecase';
import { RecordLineClearanceUseCase } from './usecases/record-line-clearance.usecase';

/**
 * The production calendar (PRD-04 with FAC-01, FAC-02, PRD-03 at booking); exports the booking
 * use case, whose `recheckAtStart` the batch record calls when a step starts.
 */
@Module({
  imports: [ProcessesModule],
  controllers: [ProductionCalendarController],
  providers: [
    RoomBookingRepository,
    FacilityRepository,
    BookProcessStepUseCase,
    CancelBookingUseCase,
    RecordLineClearanceUseCase,
  ],
  exports: [BookProcessStepUseCase, RoomBookingRepository],
})
export class ProductionCalendarModule {}
