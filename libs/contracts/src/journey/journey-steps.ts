import type { JourneyStage } from './journey-stage';

/**
 * Every business step a user or device takes on a journey, with the stages it may be
 * taken from and the stage it leads to. The transition table is the single source of
 * the journey's order; `evaluateStep` is what the workflow's update validators call.
 */
export const JOURNEY_STEPS = {
  recordDonorScreening: { from: ['ordered'], to: 'donor-screened' },
  // After a rejected unit or batch, scheduling a collection books the recollection.
  scheduleCollection: {
    from: ['donor-screened', 'material-rejected', 'batch-rejected'],
    to: 'collection-scheduled',
  },
  postponeCollection: { from: ['collection-scheduled'], to: 'collection-scheduled' },
  recordCollection: { from: ['collection-scheduled'], to: 'collected' },
  recordPostCollectionStorage: { from: ['collected'], to: 'collected' },
  handOverToCourier: { from: ['collected'], to: 'in-transit-to-factory' },
  // A unit failing receipt inspection (DON-04) goes to quarantine instead.
  recordMaterialReceipt: {
    from: ['in-transit-to-factory'],
    to: 'received',
    outcomes: { quarantined: 'material-quarantined' },
  },
  releaseMaterial: { from: ['received'], to: 'material-released' },
  rejectMaterial: { from: ['received', 'material-quarantined'], to: 'material-rejected' },
  startProduction: { from: ['material-released'], to: 'in-production' },
  completeProduction: { from: ['in-production'], to: 'qc' },
  // A batch that failed in production: QA's signed disposition (MAT-04), then re-manufacture
  // from retained donor material, a recollection, or cancellation.
  rejectFailedBatch: { from: ['in-production'], to: 'batch-rejected' },
  remanufactureBatch: { from: ['batch-rejected'], to: 'material-released' },
  // QC results come in as tests finish, corrections and retests after them (QA-02.1); those
  // that may follow a conditional release come after it, and leave the stage as it is.
  recordQcResult: {
    from: ['qc', 'release-review'],
    to: 'release-review',
    staysIn: ['released', 'shipped', 'received-at-site', 'infused', 'follow-up'],
  },
  releaseBatch: { from: ['release-review'], to: 'released' },
  rejectBatch: { from: ['release-review'], to: 'cancelled' },
  shipToSite: { from: ['released'], to: 'shipped' },
  receiveAtSite: { from: ['shipped'], to: 'received-at-site' },
  // The thaw at the site (OTH-01) ends the storage leg and starts the one to the infusion.
  recordThaw: { from: [], to: 'received-at-site', staysIn: ['received-at-site'] },
  recordInfusion: { from: ['received-at-site'], to: 'infused' },
  completeFollowUp: { from: ['follow-up'], to: 'closed' },
  cancelJourney: {
    from: [
      'ordered',
      'donor-screened',
      'collection-scheduled',
      'collected',
      'in-transit-to-factory',
      'received',
      'material-quarantined',
      'material-released',
      'material-rejected',
      'in-production',
      'batch-rejected',
      'qc',
      'release-review',
      'released',
    ],
    to: 'cancelled',
  },
} as const satisfies Record<string, StepTransition>;

/**
 * Taken `from` a stage, a step leads `to` another (or to the stage its recorded outcome names);
 * taken in a stage it `staysIn`, it leaves the stage as it is.
 */
interface StepTransition {
  from: readonly JourneyStage[];
  to: JourneyStage;
  outcomes?: Record<string, JourneyStage>;
  staysIn?: readonly JourneyStage[];
}

export type JourneyStep = keyof typeof JOURNEY_STEPS;

export const JOURNEY_STEP_NAMES = Object.keys(JOURNEY_STEPS) as JourneyStep[];

export type StepEvaluation =
  | { allowed: true; to: JourneyStage }
  | { allowed: false; reasonCode: 'STEP_OUT_OF_ORDER'; message: string };

/**
 * The stage a step recorded in `stage` leads to: the same stage where the step stays in it, its
 * usual one, or the one its recorded outcome names (a receipt inspection that quarantined the
 * unit).
 */
export function stageAfterStep(
  step: JourneyStep,
  stage: JourneyStage,
  outcome?: string,
): JourneyStage {
  const rule: StepTransition = JOURNEY_STEPS[step];
  if (rule.staysIn?.includes(stage)) return stage;
  return (outcome !== undefined && rule.outcomes?.[outcome]) || rule.to;
}

export function evaluateStep(stage: JourneyStage, step: JourneyStep): StepEvaluation {
  const rule: StepTransition = JOURNEY_STEPS[step];
  if (rule.from.includes(stage)) return { allowed: true, to: rule.to };
  if (rule.staysIn?.includes(stage)) return { allowed: true, to: stage };
  const allowed = [...rule.from, ...(rule.staysIn ?? [])];
  return {
    allowed: false,
    reasonCode: 'STEP_OUT_OF_ORDER',
    message: `step '${step}' is not allowed in stage '${stage}' (allowed from: ${allowed.join(', ')})`,
  };
}
