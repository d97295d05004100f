import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { ProductionCalendarController } from './production-calendar.controller';
import { ProductionCalendarService } from './production-calendar.service';

/** The production calendar (PRD-04): bookings, cancellations, line clearances. */
@Module({
  imports: [SharedModule],
  controllers: [ProductionCalendarController],
  providers: [ProductionCalendarService],
})
export class ProductionCalendarModule {}
