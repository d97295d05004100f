import type { ExcursionBudget } from '../custody/excursion-budget-schema';
import type { Excursion, LegTelemetry } from '../custody/leg-telemetry';
import type { CustodyLegBinding, DeviationNotice } from '../journey/journey.contracts';
import type { ProductSpecification } from '../journey/product-specification';
import type { JourneyStep } from '../journey/journey-steps';
import type { StepPayload } from '../journey/step-payloads';
import type {
  BatchProcess,
  BatchStepActivityInput,
  BatchStepRecord,
  BatchTransferOverdueInput,
} from '../production/batch-record';
import type { BatchStepCompletion, BatchStepStart } from '../production/batch-step-payloads';
import type {
  BatchReleaseHoldQuery,
  ManufacturingSlot,
  ManufacturingSlotConfirmation,
  ManufacturingSlotHoldRequest,
  ManufacturingSlotRelease,
} from '../production/manufacturing-slots';
import type { BatchRecordReviewQuery } from '../internal/batch-record-review';
import type {
  ReleaseGate,
  ReleaseGateItem,
  ReleaseGateQuery,
  ResultToFollow,
} from '../internal/release-gates';
import type { StepActivityInput, StepRecord } from './step-activity';

type Step<S extends JourneyStep> = (
  input: StepActivityInput<StepPayload<S>>,
) => Promise<StepRecord>;

export interface RaiseDeviationInput {
  journeyId: string;
  donorCode: string;
  deviation: DeviationNotice;
}

/** A custody leg's excursion beyond its budget, as the release service records it (QA-04). */
export interface ExcursionEmergencyInput extends RaiseDeviationInput {
  minutesOutOfRange: number;
  worstExcursion: Excursion;
  budget: ExcursionBudget;
}

/** Activities on the `donor-intake` task queue. */
export interface DonorIntakeActivities {
  recordDonorScreening: Step<'recordDonorScreening'>;
  scheduleCollection: Step<'scheduleCollection'>;
  postponeCollection: Step<'postponeCollection'>;
  recordCollection: Step<'recordCollection'>;
  recordPostCollectionStorage: Step<'recordPostCollectionStorage'>;
  handOverToCourier: Step<'handOverToCourier'>;
  recordMaterialReceipt: Step<'recordMaterialReceipt'>;
  releaseMaterial: Step<'releaseMaterial'>;
  rejectMaterial: Step<'rejectMaterial'>;
  cancelJourney: Step<'cancelJourney'>;
  raiseTransportDeviation(input: RaiseDeviationInput): Promise<StepRecord>;
  /**
   * GEN-01: binds an opened custody leg (either leg: donor-intake stores every logger reading)
   * to the logger its hand-over named, once per leg workflow; answers the summary of readings
   * already stored for the leg, so none recorded before the binding goes unwatched.
   */
  bindCustodyLegLogger(input: CustodyLegBinding): Promise<LegTelemetry | undefined>;
}

/**
 * The release gate's production activity (QA-02.2), on the `production` task queue. Kept apart
 * from ProductionActivities until the journey's release gate calls it (the workflows' mock
 * services implement ProductionActivities in full).
 */
export interface BatchRecordReviewActivities {
  /** QA-02.2: refuses unless QA's review of the batch record is on record and still valid. */
  requireBatchRecordReviewed(input: BatchRecordReviewQuery): Promise<void>;
}

/** Activities on the `production` task queue. */
export interface ProductionActivities {
  getProductSpecification(input: {
    productCode: string;
    version?: number;
  }): Promise<ProductSpecification>;
  startProduction: Step<'startProduction'>;
  completeProduction: Step<'completeProduction'>;
  rejectFailedBatch: Step<'rejectFailedBatch'>;
  remanufactureBatch: Step<'remanufactureBatch'>;
  holdManufacturingSlot(input: ManufacturingSlotHoldRequest): Promise<ManufacturingSlot>;
  confirmManufacturingSlot(input: ManufacturingSlotConfirmation): Promise<ManufacturingSlot>;
  releaseManufacturingSlot(input: ManufacturingSlotRelease): Promise<ManufacturingSlot | null>;
  /** PRD-05: refuses while an EM contamination's impact on the batch is not assessed. */
  requireNoBatchReleaseHold(input: BatchReleaseHoldQuery): Promise<void>;
  /** The published, validated definition the journey's specification version runs on. */
  getBatchProcess(input: {
    productCode: string;
    specificationVersion: number;
  }): Promise<BatchProcess>;
  startBatchStep(input: BatchStepActivityInput<BatchStepStart>): Promise<BatchStepRecord>;
  completeBatchStep(input: BatchStepActivityInput<BatchStepCompletion>): Promise<BatchStepRecord>;
  raiseBatchTransferDeviation(input: BatchTransferOverdueInput): Promise<BatchStepRecord>;
}

/**
 * The release gates each owning service answers for (libs/contracts/src/internal/release-gates.ts),
 * on its own task queue. A service may answer several gates, and one item (QA-02.3, QA-02.4) may
 * be answered by several services, each for the records it holds.
 */
export interface DonorMaterialReleaseGateActivities {
  /** QA-02.3 the donor material's deviations closed; QA-02.5 material used before its tests. */
  donorMaterialReleaseGates(input: ReleaseGateQuery): Promise<ReleaseGate[]>;
}
export interface ProductionReleaseGateActivities {
  /** QA-02.2 review valid, QA-02.3 batch and EM deviations closed, QA-02.4 labels, PRD-05. */
  productionReleaseGates(input: ReleaseGateQuery): Promise<ReleaseGate[]>;
}
/** On the `traceability` task queue: the journey's ledger chain (QA-02.4). */
export interface TraceabilityReleaseGateActivities {
  /** QA-02.4 the ledger chain of the donor code intact, every entry naming the same code. */
  ledgerChainReleaseGates(input: ReleaseGateQuery): Promise<ReleaseGate[]>;
}
export interface QualityControlReleaseGateActivities {
  /** QA-02.1 the QC results against the test plan, QA-01 the retention standing. */
  qualityControlReleaseGates(
    input: ReleaseGateQuery,
  ): Promise<{ gates: ReleaseGate[]; resultsToFollow: ResultToFollow[] }>;
  /**
   * Something a recorded release covers changed: the release is void from now on (CSV-02), its
   * shipment refused, recorded with what changed.
   */
  voidRelease(
    input: ReleaseGateQuery & { reason: string; changed: ReleaseGateItem[] },
  ): Promise<void>;
}

/** Activities on the `release` task queue. */
export interface ReleaseActivities {
  recordQcResult: Step<'recordQcResult'>;
  releaseBatch: Step<'releaseBatch'>;
  rejectBatch: Step<'rejectBatch'>;
  shipToSite: Step<'shipToSite'>;
  receiveAtSite: Step<'receiveAtSite'>;
  recordThaw: Step<'recordThaw'>;
  recordInfusion: Step<'recordInfusion'>;
  completeFollowUp: Step<'completeFollowUp'>;
  raiseShipmentDeviation(input: RaiseDeviationInput): Promise<StepRecord>;
  /**
   * QA-04: the shipment's excursion passed its budget: an emergency on the product (once per
   * leg, its deviation id), which holds the infusion until QA closes it.
   */
  raiseExcursionEmergency(input: ExcursionEmergencyInput): Promise<DeviationNotice>;
  /** QA-01: refuses naming the open items while the journey's retention is not settled. */
  requireRetentionSettled(input: { donorCode: string }): Promise<void>;
}

export const TASK_QUEUES = {
  journey: 'journey',
  donorIntake: 'donor-intake',
  production: 'production',
  release: 'release',
  traceability: 'traceability',
} as const;
