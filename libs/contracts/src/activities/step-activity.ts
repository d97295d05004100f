import type { Actor } from '../journey/actor';
import type { CreateOrder } from '../journey/step-payloads';

/** What every step activity receives: the journey context and the user's command. */
export interface StepActivityInput<P> {
  journeyId: string;
  donorCode: string;
  /** Idempotency key: a retried activity with the same eventId writes nothing new. */
  eventId: string;
  actor: Actor;
  /** Workflow time at which the step was accepted. */
  occurredAt: string;
  order: CreateOrder;
  payload: P;
}

/** What the owning service recorded for a step. */
export interface StepRecord {
  recordId: string;
  summary: string;
}
