import { Module } from '@nestjs/common';
import { JourneysModule } from '../journeys/journeys.module';
import { SharedModule } from '../shared/shared.module';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** Orders: the donor registered, its donor unique code generated, its journey started. */
@Module({
  imports: [SharedModule, JourneysModule],
  controllers: [OrdersController],
  providers: [OrdersService],
  // FHIR's ServiceRequest create orders through the same use case (TRC-04).
  exports: [OrdersService],
})
export class OrdersModule {}
