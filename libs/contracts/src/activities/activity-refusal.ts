import type { Actor } from '../journey/actor';

/**
 * A service activity refused by a domain rule, as the owning service records it beside the
 * record it did not write (PRD-06, TRC-03, CSV-03): who tried, on which donor code and step
 * event, and the rule that refused. Fields the activity's input does not carry are null.
 */
export interface ActivityRefusal {
  /** The activity's name, which for a journey step is the step (e.g. `startProduction`). */
  activity: string;
  donorCode: string | null;
  journeyId: string | null;
  /** The step's event id; a retried attempt of the same step is recorded once. */
  eventId: string | null;
  actor: Actor | null;
  /** The refusal code: the GMP rule ID where a rule refused (e.g. `DON-04`). */
  code: string;
  message: string;
  details: Record<string, unknown>;
}
