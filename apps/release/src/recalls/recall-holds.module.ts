import { Module } from '@nestjs/common';
import { RecallHoldRepository } from './recall-hold.repository';
import { HoldRecalledProductsUseCase } from './usecases/hold-recalled-products.usecase';

/** QA-04: release's holds on recalled products, from production's recall notices. */
@Module({
  providers: [RecallHoldRepository, HoldRecalledProductsUseCase],
  exports: [RecallHoldRepository, HoldRecalledProductsUseCase],
})
export class RecallHoldsModule {}
