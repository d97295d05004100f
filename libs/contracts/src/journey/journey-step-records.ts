import type { CustodyEventType } from '../events/custody-events';
import type { CustodyLeg } from './journey.contracts';
import type { JourneyStep } from './journey-steps';

/** The service whose activity records a step (its task queue and its schema). */
export type StepOwningService = 'donor-intake' | 'production' | 'release';

/** Which limits of the product specification a custody leg is timed and kept within. */
export type CustodyLegLimitKey =
  | 'transportToFactory'
  | 'shipmentToSite'
  /** The instructions for use's site storage (OTH-01). */
  | 'siteStorage'
  /** The instructions for use's longest time from the thaw to the infusion (OTH-01). */
  | 'thawToInfusion';

/**
 * What a recorded step does to the custody legs after it: opens a leg at the moment the payload
 * reports (`startsAt` names the field: its deadline counts from the event, not from when it was
 * entered) with its limit and temperature range from the specification, closes one at the
 * moment the payload reports (`endsAt`: a receipt, the start of the thaw, the infusion), or
 * starts the patient's follow-up. A step may do several, in order (the receipt at the site ends
 * the shipment and opens the site storage).
 */
export type StepLegEffect =
  | {
      kind: 'start-leg';
      leg: CustodyLeg;
      limits: CustodyLegLimitKey;
      startsAt: 'handedOverAt' | 'shippedAt' | 'receivedAt' | 'thawCompletedAt';
    }
  | { kind: 'end-leg'; leg: CustodyLeg; endsAt: 'receivedAt' | 'thawStartedAt' | 'infusedAt' }
  | { kind: 'start-follow-up' };

/**
 * What a step does to the journey's manufacturing slot (libs/contracts/src/production/
 * manufacturing-slots.ts): `book` holds a slot before the step (from the collection date of the
 * payload, or from the step's day for retained material) and confirms it after; `release` frees
 * the journey's slot after the step.
 */
export type StepSlotEffect =
  { kind: 'book'; from: 'collection-date' | 'step-day' } | { kind: 'release' };

/**
 * What a step does to the batch's release (QA-02, CSV-02): `start-release` starts the release
 * child that evaluates the gates; `release` evaluates the gates before the release is recorded
 * (refused while one is open) and keeps what it covered after; `ship` checks before the shipment
 * that the release still stands (void otherwise), and ends the release child after;
 * `gates-changed` tells the release child that a gate it covers may have changed.
 */
export type StepReleaseEffect =
  { kind: 'start-release' } | { kind: 'release' } | { kind: 'ship' } | { kind: 'gates-changed' };

/** What a step does to the batch record child: starts it, or stops it after QA's rejection. */
export type StepBatchRecordEffect = { kind: 'start' } | { kind: 'reject' };

export interface StepRecordSpec {
  owner: StepOwningService;
  /** The owning service's `step_record.record_type`; also the idempotency check's kind. */
  recordType: string;
  /** The custody event's message type on the owner's topic. */
  messageType: CustodyEventType;
  legEffects?: readonly StepLegEffect[];
  slotEffect?: StepSlotEffect;
  releaseEffect?: StepReleaseEffect;
  batchRecordEffect?: StepBatchRecordEffect;
}

/**
 * Beside `JOURNEY_STEPS` (the order of the journey): for each step, who records it, as what
 * record and custody event, and what it does to the custody legs. The services take their
 * record and message types from here; the journey workflow its leg effects.
 */
export const JOURNEY_STEP_RECORDS = {
  recordDonorScreening: {
    owner: 'donor-intake',
    recordType: 'donor-screening',
    messageType: 'donor.screened.v1',
  },
  scheduleCollection: {
    owner: 'donor-intake',
    recordType: 'collection-schedule',
    messageType: 'collection.scheduled.v1',
    slotEffect: { kind: 'book', from: 'collection-date' },
  },
  postponeCollection: {
    owner: 'donor-intake',
    recordType: 'collection-postponement',
    messageType: 'collection.postponed.v1',
    slotEffect: { kind: 'book', from: 'collection-date' },
  },
  recordCollection: {
    owner: 'donor-intake',
    recordType: 'collection',
    messageType: 'donor-material.collected.v1',
  },
  recordPostCollectionStorage: {
    owner: 'donor-intake',
    recordType: 'post-collection-storage',
    messageType: 'donor-material.stored.v1',
  },
  handOverToCourier: {
    owner: 'donor-intake',
    recordType: 'transport-hand-over',
    messageType: 'donor-material.handed-to-courier.v1',
    legEffects: [
      {
        kind: 'start-leg',
        leg: 'transport-to-factory',
        limits: 'transportToFactory',
        startsAt: 'handedOverAt',
      },
    ],
  },
  recordMaterialReceipt: {
    owner: 'donor-intake',
    recordType: 'receipt',
    messageType: 'donor-material.received.v1',
    legEffects: [{ kind: 'end-leg', leg: 'transport-to-factory', endsAt: 'receivedAt' }],
  },
  // Release and rejection are two outcomes of one disposition record.
  releaseMaterial: {
    owner: 'donor-intake',
    recordType: 'material-disposition',
    messageType: 'donor-material.released.v1',
  },
  rejectMaterial: {
    owner: 'donor-intake',
    recordType: 'material-disposition',
    messageType: 'donor-material.rejected.v1',
    slotEffect: { kind: 'release' },
  },
  startProduction: {
    owner: 'production',
    recordType: 'batch-start',
    messageType: 'batch.started.v1',
    batchRecordEffect: { kind: 'start' },
  },
  completeProduction: {
    owner: 'production',
    recordType: 'batch-completion',
    messageType: 'batch.completed.v1',
    releaseEffect: { kind: 'start-release' },
  },
  rejectFailedBatch: {
    owner: 'production',
    recordType: 'batch-rejection',
    messageType: 'batch.rejected-in-production.v1',
    slotEffect: { kind: 'release' },
    batchRecordEffect: { kind: 'reject' },
  },
  remanufactureBatch: {
    owner: 'production',
    recordType: 'remanufacture-decision',
    messageType: 'batch.remanufacture-approved.v1',
    slotEffect: { kind: 'book', from: 'step-day' },
  },
  recordQcResult: {
    owner: 'release',
    recordType: 'qc-result',
    messageType: 'qc-result.recorded.v1',
    releaseEffect: { kind: 'gates-changed' },
  },
  // Release and rejection are two outcomes of one release decision.
  releaseBatch: {
    owner: 'release',
    recordType: 'release-decision',
    messageType: 'batch.released.v1',
    releaseEffect: { kind: 'release' },
  },
  rejectBatch: {
    owner: 'release',
    recordType: 'release-decision',
    messageType: 'batch.rejected.v1',
  },
  shipToSite: {
    owner: 'release',
    recordType: 'shipment',
    messageType: 'product.shipped.v1',
    legEffects: [
      {
        kind: 'start-leg',
        leg: 'shipment-to-site',
        limits: 'shipmentToSite',
        startsAt: 'shippedAt',
      },
    ],
    releaseEffect: { kind: 'ship' },
  },
  receiveAtSite: {
    owner: 'release',
    recordType: 'site-receipt',
    messageType: 'product.received-at-site.v1',
    legEffects: [
      { kind: 'end-leg', leg: 'shipment-to-site', endsAt: 'receivedAt' },
      { kind: 'start-leg', leg: 'site-storage', limits: 'siteStorage', startsAt: 'receivedAt' },
    ],
  },
  recordThaw: {
    owner: 'release',
    recordType: 'thaw',
    messageType: 'product.thawed.v1',
    legEffects: [
      { kind: 'end-leg', leg: 'site-storage', endsAt: 'thawStartedAt' },
      {
        kind: 'start-leg',
        leg: 'thaw-to-infusion',
        limits: 'thawToInfusion',
        startsAt: 'thawCompletedAt',
      },
    ],
  },
  recordInfusion: {
    owner: 'release',
    recordType: 'infusion',
    messageType: 'product.infused.v1',
    legEffects: [
      { kind: 'end-leg', leg: 'thaw-to-infusion', endsAt: 'infusedAt' },
      { kind: 'start-follow-up' },
    ],
  },
  completeFollowUp: {
    owner: 'release',
    recordType: 'follow-up',
    messageType: 'follow-up.completed.v1',
  },
  cancelJourney: {
    owner: 'donor-intake',
    recordType: 'journey-cancellation',
    messageType: 'journey.cancelled.v1',
    slotEffect: { kind: 'release' },
  },
} as const satisfies Record<JourneyStep, StepRecordSpec>;

/** The record and message type a service records a step as. */
export function stepRecordTypes<S extends JourneyStep>(
  step: S,
): Pick<(typeof JOURNEY_STEP_RECORDS)[S], 'recordType' | 'messageType'> {
  const { recordType, messageType } = JOURNEY_STEP_RECORDS[step];
  return { recordType, messageType } as Pick<
    (typeof JOURNEY_STEP_RECORDS)[S],
    'recordType' | 'messageType'
  >;
}

/** The manufacturing-slot effect of a step, if it has one. */
export function stepSlotEffect(step: JourneyStep): StepSlotEffect | undefined {
  const spec: StepRecordSpec = JOURNEY_STEP_RECORDS[step];
  return spec.slotEffect;
}

/** The custody-leg effects of a step, in order (none for most steps). */
export function stepLegEffects(step: JourneyStep): readonly StepLegEffect[] {
  const spec: StepRecordSpec = JOURNEY_STEP_RECORDS[step];
  return spec.legEffects ?? [];
}

/** The release effect of a step, if it has one. */
export function stepReleaseEffect(step: JourneyStep): StepReleaseEffect | undefined {
  const spec: StepRecordSpec = JOURNEY_STEP_RECORDS[step];
  return spec.releaseEffect;
}

/** The batch-record effect of a step, if it has one. */
export function stepBatchRecordEffect(step: JourneyStep): StepBatchRecordEffect | undefined {
  const spec: StepRecordSpec = JOURNEY_STEP_RECORDS[step];
  return spec.batchRecordEffect;
}
