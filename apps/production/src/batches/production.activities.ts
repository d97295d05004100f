import { Injectable } from '@nestjs/common';
import { ProductionActivities } from '@v2v/contracts';
import { GetProductSpecificationUseCase } from '../specifications/usecases/get-product-specification.usecase';
import { BatchRepository } from './batch.repository';
import { CompleteProductionUseCase } from './usecases/complete-production.usecase';
import { StartProductionUseCase } from './usecases/start-production.usecase';

/** The production activities on the `production` task queue, each its use case. */
@Injectable()
export class ProductionActivityAdapter {
  constructor(
    private readonly specification: GetProductSpecificationUseCase,
    private readonly start: StartProductionUseCase,
    private readonly completion: CompleteProductionUseCase,
  ) {}

  activities(): ProductionActivities {
    return {
      getProductSpecification: (input) => this.specification.execute(input),
      startProduction: (input) => this.start.execute(input),
      completeProduction: (input) => this.completion.execute(input),
    };
  }
}

/** The step use cases and what they need, for the app module's providers. */
export const PRODUCTION_STEP_PROVIDERS = [
  BatchRepository,
  GetProductSpecificationUseCase,
  StartProductionUseCase,
  CompleteProductionUseCase,
  ProductionActivityAdapter,
];
