import {
  DomainError,
  type JourneyStep,
  recallHoldRefusal,
  type RecallNotice,
} from '@v2v/contracts';

/**
 * QA-04 where the record is written: a recalled product is not shipped, received at the site
 * or infused, whatever reached the journey's workflow (the rule is the journey validator's).
 */
export function requireNotRecalled(step: JourneyStep, recalls: readonly RecallNotice[]): void {
  const refusal = recallHoldRefusal(step, recalls);
  if (refusal)
    throw new DomainError(refusal.reasonCode, refusal.message, {
      recalls: recalls.map((r) => r.recallId),
    });
}
