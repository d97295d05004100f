const DAY_MS = 86_400_000;

/**
 * How a patient's follow-up ends: its period completed, or earlier by the patient's death or
 * withdrawal of consent, which end it whenever they happen.
 */
export const FOLLOW_UP_OUTCOME_KINDS = ['period-completed', 'death', 'withdrawal'] as const;
export type FollowUpOutcomeKind = (typeof FOLLOW_UP_OUTCOME_KINDS)[number];

/** The end of the follow-up period: the specification's `followUpDays` from the infusion. */
export function followUpPeriodEnd(infusedAt: string, followUpDays: number): string {
  return new Date(Date.parse(infusedAt) + followUpDays * DAY_MS).toISOString();
}

/**
 * Why the follow-up may not be completed at `now`, or undefined when it may: a completed period
 * only from its end (the product specification's follow-up, pinned with the journey, GEN-03); a
 * death or a withdrawal at any time.
 */
export function followUpCompletionRefusal(
  endsAt: string,
  now: number,
  outcomeKind: FollowUpOutcomeKind,
): string | undefined {
  if (outcomeKind !== 'period-completed' || now >= Date.parse(endsAt)) return undefined;
  return `the follow-up period ends on ${endsAt}: it can be completed from then, or earlier only with the outcome death or withdrawal`;
}
