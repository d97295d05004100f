import type { JourneyStep } from '../journey/journey-steps';
import type { InstitutionStandingNotice } from './institution-qualification';

/**
 * DON-02 on a running journey: the steps in which the institution collects material, sends it,
 * or receives product. While its latest notice says it is not approved, these are refused; the
 * factory's own steps, the patient's infusion and follow-up of product already received, and a
 * cancellation stay possible, so QA can decide the fate of material and product in hand.
 */
export const INSTITUTION_STEPS: readonly JourneyStep[] = [
  'recordDonorScreening',
  'scheduleCollection',
  'recordCollection',
  'recordPostCollectionStorage',
  'handOverToCourier',
  'shipToSite',
  'receiveAtSite',
];

export function institutionHoldRefusal(
  step: JourneyStep,
  standing: InstitutionStandingNotice | undefined,
): { reasonCode: 'DON-02'; message: string } | undefined {
  if (!standing || standing.status === 'approved' || !INSTITUTION_STEPS.includes(step))
    return undefined;
  return {
    reasonCode: 'DON-02',
    message: `institution ${standing.institutionId} is ${standing.status} since ${standing.decidedAt} (decision ${standing.decisionId}: ${standing.reason}); '${step}' waits until QA reinstates it or the journey is cancelled (DON-02)`,
  };
}
