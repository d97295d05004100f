import { Injectable } from '@nestjs/common';
import {
  BatchRecordReviewActivities,
  ProductionActivities,
  ProductionReleaseGateActivities,
} from '@v2v/contracts';
import { CompleteBatchStepUseCase } from '../batch-record/usecases/complete-batch-step.usecase';
import { GetBatchProcessUseCase } from '../batch-record/usecases/get-batch-process.usecase';
import { RaiseBatchTransferDeviationUseCase } from '../batch-record/usecases/raise-batch-transfer-deviation.usecase';
import { StartBatchStepUseCase } from '../batch-record/usecases/start-batch-step.usecase';
import { BatchRecordReviewStanding } from '../batch-record/review/usecases/batch-record-review-standing.usecase';
import { ConfirmManufacturingSlotUseCase } from '../manufacturing-slots/usecases/confirm-manufacturing-slot.usecase';
import { HoldManufacturingSlotUseCase } from '../manufacturing-slots/usecases/hold-manufacturing-slot.usecase';
import { ReleaseManufacturingSlotUseCase } from '../manufacturing-slots/usecases/release-manufacturing-slot.usecase';
import { ReleaseHoldsUseCase } from '../environmental-monitoring/usecases/release-holds.usecase';
import { ProductionReleaseGatesUseCase } from '../release-gates/usecases/production-release-gates.usecase';
import { GetProductSpecificationUseCase } from '../specifications/usecases/get-product-specification.usecase';
import { BatchRepository } from './batch.repository';
import { RetainedDonorMaterial } from './retained-donor-material';
import { RetainedMaterialRepository } from './retained-material.repository';
import { CompleteProductionUseCase } from './usecases/complete-production.usecase';
import { RejectFailedBatchUseCase } from './usecases/reject-failed-batch.usecase';
import { RemanufactureBatchUseCase } from './usecases/remanufacture-batch.usecase';
import { StartProductionUseCase } from './usecases/start-production.usecase';

/** The production activities on the `production` task queue, each its use case. */
@Injectable()
export class ProductionActivityAdapter {
  constructor(
    private readonly specification: GetProductSpecificationUseCase,
    private readonly start: StartProductionUseCase,
    private readonly completion: CompleteProductionUseCase,
    private readonly batchProcess: GetBatchProcessUseCase,
    private readonly stepStart: StartBatchStepUseCase,
    private readonly stepCompletion: CompleteBatchStepUseCase,
    private readonly transferDeviation: RaiseBatchTransferDeviationUseCase,
    private readonly failedBatchRejection: RejectFailedBatchUseCase,
    private readonly remanufacture: RemanufactureBatchUseCase,
    private readonly slotHold: HoldManufacturingSlotUseCase,
    private readonly slotConfirmation: ConfirmManufacturingSlotUseCase,
    private readonly slotRelease: ReleaseManufacturingSlotUseCase,
    private readonly releaseHolds: ReleaseHoldsUseCase,
    private readonly batchRecordReview: BatchRecordReviewStanding,
    private readonly releaseGates: ProductionReleaseGatesUseCase,
  ) {}

  activities(): ProductionActivities &
    BatchRecordReviewActivities &
    ProductionReleaseGateActivities {
    return {
      getProductSpecification: (input) => this.specification.execute(input),
      startProduction: (input) => this.start.execute(input),
      completeProduction: (input) => this.completion.execute(input),
      rejectFailedBatch: (input) => this.failedBatchRejection.execute(input),
      remanufactureBatch: (input) => this.remanufacture.execute(input),
      getBatchProcess: (input) => this.batchProcess.execute(input),
      startBatchStep: (input) => this.stepStart.execute(input),
      completeBatchStep: (input) => this.stepCompletion.execute(input),
      raiseBatchTransferDeviation: (input) => this.transferDeviation.execute(input),
      holdManufacturingSlot: (input) => this.slotHold.execute(input),
      confirmManufacturingSlot: (input) => this.slotConfirmation.execute(input),
      releaseManufacturingSlot: (input) => this.slotRelease.execute(input),
      requireNoBatchReleaseHold: (input) => this.releaseHolds.requireNoBatchReleaseHold(input),
      requireBatchRecordReviewed: (input) => this.batchRecordReview.requireReviewed(input),
      productionReleaseGates: (input) => this.releaseGates.execute(input),
    };
  }
}

/** The step use cases and what they need, for the app module's providers. */
export const PRODUCTION_STEP_PROVIDERS = [
  BatchRepository,
  GetProductSpecificationUseCase,
  StartProductionUseCase,
  CompleteProductionUseCase,
  RetainedMaterialRepository,
  RetainedDonorMaterial,
  RejectFailedBatchUseCase,
  RemanufactureBatchUseCase,
  ProductionActivityAdapter,
];
