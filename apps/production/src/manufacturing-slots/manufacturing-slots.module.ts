import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { ProductSpecificationRepository } from '../specifications/product-specification.repository';
import { ManufacturingSlotRepository } from './manufacturing-slot.repository';
import { ManufacturingSlotsController } from './manufacturing-slots.controller';
import { ConfirmManufacturingSlotUseCase } from './usecases/confirm-manufacturing-slot.usecase';
import { HoldManufacturingSlotUseCase } from './usecases/hold-manufacturing-slot.usecase';
import { ManufacturingCapacityUseCase } from './usecases/manufacturing-capacity.usecase';
import { ReleaseManufacturingSlotUseCase } from './usecases/release-manufacturing-slot.usecase';

const SLOT_ACTIVITIES = [
  HoldManufacturingSlotUseCase,
  ConfirmManufacturingSlotUseCase,
  ReleaseManufacturingSlotUseCase,
];

/**
 * Manufacturing slots (issue 11): line capacity, the journey's two-phase hold and confirmation
 * and its releases; exports the activities' use cases and the repository (the batch start
 * records its batch on the journey's slot).
 */
@Module({
  imports: [ProcessesModule],
  controllers: [ManufacturingSlotsController],
  providers: [
    ManufacturingSlotRepository,
    ProductSpecificationRepository,
    ManufacturingCapacityUseCase,
    ...SLOT_ACTIVITIES,
  ],
  exports: [ManufacturingSlotRepository, ...SLOT_ACTIVITIES],
})
export class ManufacturingSlotsModule {}
