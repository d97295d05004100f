import type { JourneyStage } from './journey-stage';

/**
 * Every business step a user or device takes on a journey, with the stages it may be
 * taken from and the stage it leads to. The transition table is the single source of
 * the journey's order; `evaluateStep` is what the workflow's update validators call.
 */
export const JOURNEY_STEPS = {
  scheduleCollection: { from: ['ordered', 'material-rejected'], to: 'collection-scheduled' },
  recordCollection: { from: ['collection-scheduled'], to: 'collected' },
  handOverToCourier: { from: ['collected'], to: 'in-transit-to-factory' },
  recordMaterialReceipt: { from: ['in-transit-to-factory'], to: 'received' },
  releaseMaterial: { from: ['received'], to: 'material-released' },
  rejectMaterial: { from: ['received'], to: 'material-rejected' },
  startProduction: { from: ['material-released'], to: 'in-production' },
  completeProduction: { from: ['in-production'], to: 'qc' },
  recordQcResult: { from: ['qc'], to: 'release-review' },
  releaseBatch: { from: ['release-review'], to: 'released' },
  rejectBatch: { from: ['release-review'], to: 'cancelled' },
  shipToSite: { from: ['released'], to: 'shipped' },
  receiveAtSite: { from: ['shipped'], to: 'received-at-site' },
  recordInfusion: { from: ['received-at-site'], to: 'infused' },
  completeFollowUp: { from: ['follow-up'], to: 'closed' },
  cancelJourney: {
    from: [
      'ordered',
      'collection-scheduled',
      'collected',
      'in-transit-to-factory',
      'received',
      'material-released',
      'material-rejected',
      'in-production',
      'qc',
      'release-review',
      'released',
    ],
    to: 'cancelled',
  },
} as const satisfies Record<string, { from: readonly JourneyStage[]; to: JourneyStage }>;

export type JourneyStep = keyof typeof JOURNEY_STEPS;

export const JOURNEY_STEP_NAMES = Object.keys(JOURNEY_STEPS) as JourneyStep[];

export type StepEvaluation =
  | { allowed: true; to: JourneyStage }
  | { allowed: false; reasonCode: 'STEP_OUT_OF_ORDER'; message: string };

export function evaluateStep(stage: JourneyStage, step: JourneyStep): StepEvaluation {
  const rule = JOURNEY_STEPS[step];
  if ((rule.from as readonly JourneyStage[]).includes(stage)) {
    return { allowed: true, to: rule.to };
  }
  return {
    allowed: false,
    reasonCode: 'STEP_OUT_OF_ORDER',
    message: `step '${step}' is not allowed in stage '${stage}' (allowed from: ${rule.from.join(', ')})`,
  };
}
