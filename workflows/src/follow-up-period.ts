import { condition } from '@temporalio/workflow';
import type { StepCommand } from '@v2v/contracts';
import { isTerminalStage } from '@v2v/contracts/workflow';
import { JourneyState } from './journey-state';

/** Journeys infused before it entered follow-up without a period. */
export const FOLLOW_UP_PERIOD_PATCH = 'follow-up-period';

/**
 * The follow-up period, from the infusion to the pinned specification's `followUpDays` later:
 * the journey enters follow-up and a durable timer runs to the period's end, where the journey
 * notes that it ended. It does not close on its own: the hospital's completion records the
 * patient's outcome, which only a person can state. A journey closed earlier (death,
 * withdrawal) ends the wait at once.
 */
export function startFollowUpPeriod(state: JourneyState, command: StepCommand): void {
  const { infusedAt } = command.payload as { infusedAt: string };
  const endsAt = state.startFollowUp(infusedAt, new Date().toISOString());
  const remaining = Math.max(Date.parse(endsAt) - Date.now(), 1);
  state.track(
    (async () => {
      const closed = await condition(() => isTerminalStage(state.stage), remaining);
      if (!closed)
        state.note(
          `follow-up period ended ${endsAt}: the follow-up may be completed`,
          new Date().toISOString(),
        );
    })(),
  );
}
