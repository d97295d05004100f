import { Controller, Get, Param, Query } from '@nestjs/common';
import { type ManufacturingCapacityQuery, manufacturingCapacityQuerySchema } from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ManufacturingSlotRepository } from './manufacturing-slot.repository';
import { ManufacturingCapacityUseCase } from './usecases/manufacturing-capacity.usecase';

/**
 * Internal API of manufacturing slots: a journey's slots and the capacity calendar; the
 * gateway exposes them with roles and tenancy. Slots change only through the journey's
 * activities.
 */
@Controller('internal')
export class ManufacturingSlotsController {
  constructor(
    private readonly slots: ManufacturingSlotRepository,
    private readonly capacity: ManufacturingCapacityUseCase,
  ) {}

  @Get('journeys/:donorCode/manufacturing-slots')
  journeySlots(@Param('donorCode') donorCode: string) {
    return this.slots.slotsOf(donorCode);
  }

  @Get('manufacturing-capacity')
  capacityCalendar(
    @Query(new ZodBodyPipe(manufacturingCapacityQuerySchema)) query: ManufacturingCapacityQuery,
  ) {
    return this.capacity.execute(query);
  }
}
