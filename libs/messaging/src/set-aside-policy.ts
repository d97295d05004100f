import { ZodError } from 'zod';
import { DomainError, describeError, isInfrastructureFailure, sqlState } from '@v2v/contracts';

/** Attempts a message or outbox row gets before it is set aside. */
export const SET_ASIDE_MAX_ATTEMPTS = 5;
/** Backoff before the second attempt; it doubles for each one after (200, 400, 800, 1600 ms). */
export const SET_ASIDE_FIRST_BACKOFF_MS = 200;

/** Why a message was set aside, in a word: a bounded metric label, unlike the reason. */
export type SetAsideKind = 'envelope' | 'contract' | 'refused' | 'database-value' | 'retries';

export type HandlerFailureDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'set-aside'; reason: string; kind: SetAsideKind }
  | { action: 'rethrow' };

/**
 * CSV-04 and GEN-01: what the consumer does when applying a message failed on its `attempt`-th
 * try (1-based). A contract or domain refusal (ZodError, DomainError, or PostgreSQL's own
 * refusal of a value, SQLSTATE class 22, e.g. year 0 in a timestamp) fails the same way on every
 * redelivery, so the message is set aside at once. Any other error is retried with a doubling
 * backoff and set aside after SET_ASIDE_MAX_ATTEMPTS. An outage of the database or of Temporal is
 * no fault of the message: it is rethrown, so that no message is set aside because either was
 * away; the consumer restarts on the same offset (bounded, then it reports unhealthy).
 */
export function decideHandlerFailure(error: unknown, attempt: number): HandlerFailureDecision {
  if (isInfrastructureFailure(error)) return { action: 'rethrow' };
  if (error instanceof ZodError)
    return { action: 'set-aside', reason: `contract: ${describeError(error)}`, kind: 'contract' };
  if (error instanceof DomainError) {
    const reason = `refused ${error.code}: ${error.message}`;
    return { action: 'set-aside', reason, kind: 'refused' };
  }
  if (sqlState(error)?.startsWith('22')) {
    const reason = `value refused by the database: ${describeError(error)}`;
    return { action: 'set-aside', reason, kind: 'database-value' };
  }
  if (attempt >= SET_ASIDE_MAX_ATTEMPTS) {
    const reason = `failed ${attempt} times: ${describeError(error)}`;
    return { action: 'set-aside', reason, kind: 'retries' };
  }
  return { action: 'retry', delayMs: SET_ASIDE_FIRST_BACKOFF_MS * 2 ** (attempt - 1) };
}

export type PublishFailureDecision =
  { action: 'retry' } | { action: 'set-aside'; reason: string } | { action: 'broker-failure' };

/**
 * CSV-04: what the outbox relay does when publishing one row failed, `failures` times so far
 * including this one. Only a refusal of the record itself by the broker (too large, invalid)
 * counts against the row; it is set aside after SET_ASIDE_MAX_ATTEMPTS. Anything else (broker
 * unreachable, leader moving, timeouts) is the broker's failure: no row is blamed, the relay
 * backs off and tries the whole batch again, so an outage never sets the outbox aside.
 */
export function decidePublishFailure(error: unknown, failures: number): PublishFailureDecision {
  const refusal = recordRefusal(error);
  if (!refusal) return { action: 'broker-failure' };
  if (failures >= SET_ASIDE_MAX_ATTEMPTS) {
    return { action: 'set-aside', reason: `broker refused ${failures} times: ${refusal}` };
  }
  return { action: 'retry' };
}

/** Broker error types that refuse the record itself, whatever the broker's state. */
const RECORD_REFUSALS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

function recordRefusal(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { type, cause } = e as { type?: unknown; cause?: unknown };
    if (typeof type === 'string' && RECORD_REFUSALS.has(type))
      return `${type}: ${describeError(e)}`;
    e = cause;
  }
  return undefined;
}
