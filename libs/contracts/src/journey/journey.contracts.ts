import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { InstitutionStandingNotice } from '../institutions/institution-qualification';
import type { ReleaseGatesSummary } from '../internal/release-gates';
import type { LegTelemetry, TemperatureRange } from '../custody/leg-telemetry';
import type { ExcursionBudget } from '../custody/excursion-budget-schema';
import type { ManufacturingSlot } from '../production/manufacturing-slots';
import type { Actor } from './actor';
import type { JourneyStage } from './journey-stage';
import type { JourneyStep } from './journey-steps';
import type { RecallNotice } from './recall-hold';
import type { CreateOrder, StepPayload } from './step-payloads';

export const JOURNEY_WORKFLOW_TYPE = 'patientJourney';
export const CUSTODY_LEG_WORKFLOW_TYPE = 'custodyLeg';

export function journeyWorkflowId(donorCode: string): string {
  return `journey-${donorCode}`;
}

export interface JourneyInput {
  donorCode: string;
  order: CreateOrder;
  orderedBy: Actor;
  /** Pin a given specification version; the latest published one when absent (GEN-03). */
  productSpecificationVersion?: number;
}

/** The command every step update carries. `eventId` makes repeats a no-op. */
export interface StepCommand<S extends JourneyStep = JourneyStep> {
  eventId: string;
  actor: Actor;
  payload: StepPayload<S>;
}

export interface TimelineEntry {
  at: string;
  kind: 'step' | 'deviation' | 'system' | 'institution-notice' | 'recall';
  step?: JourneyStep;
  stage: JourneyStage;
  actor?: Actor;
  eventId?: string;
  summary: string;
}

export interface PendingDeadline {
  id: string;
  rule: 'GEN-01';
  description: string;
  dueAt: string;
}

export interface DeviationNotice {
  deviationId: string;
  /**
   * GEN-01: a custody leg's limits; PRD-05: an EM excursion in a room the batch was in; QA-04: an
   * emergency on a released product (a QC result out of specification after the release).
   */
  rule: 'GEN-01' | 'PRD-05' | 'QA-04';
  /** The custody leg of a GEN-01 deviation; an EM excursion has none. */
  leg?: CustodyLeg;
  detectedAt: string;
  description: string;
}

export interface JourneyView {
  donorCode: string;
  stage: JourneyStage;
  institutionId: string;
  productCode: string;
  productSpecificationVersion: number;
  recollections: number;
  /** DON-05: known-positive material, flagged on every package, leg and record. */
  knownPositiveMarkers: string[];
  deviations: DeviationNotice[];
  /** DON-02: the latest change of the institution's standing while this journey ran, if any. */
  institutionNotice?: InstitutionStandingNotice;
  /** PRD-01: the batch started for this journey; its record is the workflow `batch-<number>`. */
  batchNumber?: string;
  /** The journey's booked manufacturing slot, if it holds one (every change is on the timeline). */
  manufacturingSlot?: JourneyManufacturingSlot;
  /** QA-02: the release child's last evaluation of the batch's release gates. */
  releaseGates?: ReleaseGatesSummary;
  /** The end of the follow-up period after the infusion (the specification's followUpDays). */
  followUpEndsAt?: string;
  /** QA-04: the recalls that reached the journey; its product is not shipped, received, infused. */
  recalls?: RecallNotice[];
}

export type JourneyManufacturingSlot = Pick<
  ManufacturingSlot,
  'slotId' | 'lineCode' | 'startsOn' | 'endsOn' | 'plannedShipmentOn'
>;

/**
 * The custody legs (GEN-01): the donor material's transport, the product's shipment, its storage
 * at the site from receipt to thawing and its way from the thaw to the infusion (OTH-01).
 */
export type CustodyLeg =
  'transport-to-factory' | 'shipment-to-site' | 'site-storage' | 'thaw-to-infusion';

export interface CustodyLegInput {
  journeyId: string;
  donorCode: string;
  leg: CustodyLeg;
  startedAt: string;
  maxHours: number;
  /** The leg's temperature range; absent in legs started before readings were watched. */
  temperatureRange?: { minTemperatureC: number; maxTemperatureC: number };
  /** DON-05: the leg carries known-positive material. */
  knownPositiveMarkers?: string[];
  /**
   * GEN-01: the data logger the hand-over named; readings of any other logger are refused for
   * this leg. Absent in hand-overs recorded before loggers were bound.
   */
  loggerId?: string;
  /**
   * QA-04: the leg's time-out-of-range budget from the pinned specification. Absent in legs
   * started before budgets, and where the specification version has none: they raise the
   * excursion deviation alone, as before.
   */
  excursionBudget?: ExcursionBudget;
  /** What an earlier run of the same leg knew when it continued as new. */
  carried?: CustodyLegCarriedState;
}

/** The state a custody leg keeps across continue-as-new: no readings, only what it decided. */
export interface CustodyLegCarriedState {
  timeLimitDeviation?: DeviationNotice;
  excursionDeviation?: DeviationNotice;
  /** QA-04: the emergency raised when the time out of range passed the budget. */
  budgetEmergency?: DeviationNotice;
  telemetry?: LegTelemetry;
}

/** Donor-intake's record of which logger a custody leg watches, and where its readings go. */
export interface CustodyLegBinding {
  legWorkflowId: string;
  journeyId: string;
  donorCode: string;
  leg: CustodyLeg;
  loggerId?: string;
  startedAt: string;
  temperatureRange?: TemperatureRange;
}

/**
 * Data-logger readings of one leg, as donor-intake forwarded them to the journey before legs
 * were told summaries (`legTelemetrySignal`); kept for journeys and legs started then.
 */
export interface LegReadings {
  leg: CustodyLeg;
  loggerId: string;
  readings: Array<{ measuredAt: string; temperatureC: number }>;
}

export interface CustodyLegResult {
  leg: CustodyLeg;
  receivedAt: string;
  deviation?: DeviationNotice;
}

/** One update per business step; the update name is the step name. */
export const journeyStepUpdate = <S extends JourneyStep>(step: S) =>
  defineUpdate<JourneyView, [StepCommand<S>]>(step);

export const journeyViewQuery = defineQuery<JourneyView>('journeyView');
/**
 * Whether the journey would refuse this step now: its update validator's answer, asked before
 * a decision is signed. A step whose event id the journey already holds is not refused, so a
 * repeat of a decision whose answer was lost gets its first answer rather than a refusal.
 */
export const stepRefusalQuery = defineQuery<
  { reasonCode: string; message: string } | null,
  [JourneyStep, StepCommand]
>('stepRefusal');
export const journeyStageQuery = defineQuery<JourneyStage>('stage');
export const journeyTimelineQuery = defineQuery<TimelineEntry[]>('timeline');
export const pendingDeadlinesQuery = defineQuery<PendingDeadline[]>('pendingDeadlines');
/**
 * The three above in one answer: what the journey's page shows, one query task for the worker
 * instead of three (a read costs the journey worker a task per query).
 */
export const journeyStatusQuery = defineQuery<{
  view: JourneyView;
  timeline: TimelineEntry[];
  pendingDeadlines: PendingDeadline[];
}>('journeyStatus');

/** Sent by a custody-leg child the moment it raises a deviation. */
export const deviationRaisedSignal = defineSignal<[DeviationNotice]>('deviationRaised');
/**
 * Sent by donor-intake to the journey, which passes them to the open leg (GEN-01), before legs
 * were signalled directly; handled still for the histories of journeys started then.
 */
export const temperatureReadingsSignal = defineSignal<[LegReadings]>('temperatureReadings');
/** Sent by donor-intake to an open custody leg: a summary of the readings it just recorded. */
export const legTelemetrySignal = defineSignal<[LegTelemetry]>('legTelemetry');
/** A custody leg's telemetry so far (all its runs) and whether an excursion is on record. */
export const legTelemetryQuery = defineQuery<LegTelemetry | undefined>('legTelemetry');
/**
 * Sent by donor-intake to every running journey of an institution whose standing QA changed
 * (DON-02).
 */
export const institutionStandingSignal = defineSignal<[InstitutionStandingNotice]>(
  'institutionStandingChanged',
);
/** Sent by production to each journey a signed recall reaches (QA-04, TRC-01). */
export const recallNoticeSignal = defineSignal<[RecallNotice]>('recallNotice');
/** Sent by the journey to its custody-leg child when the material arrives. */
export const legReceivedSignal = defineSignal<[{ receivedAt: string }]>('legReceived');
