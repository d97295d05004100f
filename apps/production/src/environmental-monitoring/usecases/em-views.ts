import { followUpOf } from '../em-rules';
import type { EmExcursion, EmSession, ExcursionFollowUp } from '../environmental-monitoring';

export type ExcursionView = EmExcursion & ExcursionFollowUp;

/** A session as answered: its results and the excursions they opened, with what they need. */
export interface SessionView extends EmSession {
  excursions: ExcursionView[];
}

export const excursionView = (x: EmExcursion): ExcursionView => ({ ...x, ...followUpOf(x) });

export const sessionView = (session: EmSession, excursions: EmExcursion[]): SessionView => ({
  ...session,
  excursions: excursions.filter((x) => x.sessionId === session.sessionId).map(excursionView),
});
