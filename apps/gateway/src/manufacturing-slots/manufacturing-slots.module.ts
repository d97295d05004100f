import { Module } from '@nestjs/common';
import { ManufacturingSlotsClient } from '../internal/manufacturing-slots.client';
import { SharedModule } from '../shared/shared.module';
import { ManufacturingSlotsController } from './manufacturing-slots.controller';

/** Manufacturing slots and capacity (issue 11): reads for the scheduler and the hospital. */
@Module({
  imports: [SharedModule],
  controllers: [ManufacturingSlotsController],
  providers: [ManufacturingSlotsClient],
})
export class ManufacturingSlotsModule {}
