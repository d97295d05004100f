import { ApplicationFailure } from '@temporalio/common';
import {
  ActivityRefusal,
  DomainError,
  NUL_CHARACTER_MESSAGE,
  nulCharacterAt,
  uniqueViolationRefusal,
} from '@v2v/contracts';
import { activityRefusal } from './activity-refusal';

/** Keeps a refused activity on record in the owning service's schema. */
export type RecordRefusal = (refusal: ActivityRefusal) => Promise<void>;

/**
 * Activities are the Temporal edge of a service: a domain refusal becomes a
 * non-retryable ApplicationFailure whose `type` is the reason code (the rule ID where a
 * GMP rule refused), so the journey fails the step with the same code. A unique violation no
 * use case answered is such a refusal too (RECORD_ALREADY_EXISTS): retried, it would fail the
 * same way until the step's budget ran out, and its raw driver message would reach the user.
 * Anything else stays retryable. An input carrying a NUL character is refused before the
 * activity runs (VALIDATION_FAILED naming the field): a forged Temporal update passes no
 * gateway guard, and PostgreSQL's refusal of the character, retried as if the service were down,
 * reached the caller as an outage with the driver's raw message.
 *
 * Every refusal is first recorded with `recordRefusal`, after the activity's own transaction
 * has rolled back, so the record survives it: a forged or mistaken Temporal update refused
 * here is on record where its record would have been written. If that record cannot be
 * written the failure stays retryable, so no refusal is answered unrecorded.
 */
export function asTemporalActivities<T extends object>(
  activities: T,
  recordRefusal: RecordRefusal,
): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        refuseNulCharacters(name, args);
        return await fn.apply(activities, args);
      } catch (thrown) {
        const error = uniqueViolationRefusal(thrown) ?? thrown;
        if (error instanceof DomainError) {
          await recordRefusal(activityRefusal(name, args, error));
          throw ApplicationFailure.create({
            type: error.code,
            message: error.message,
            nonRetryable: true,
            details: [error.details],
          });
        }
        throw error;
      }
    };
  }
  return wrapped as T;
}

function refuseNulCharacters(activity: string, args: unknown[]): void {
  const field = nulCharacterAt(args.length === 1 ? args[0] : args);
  if (field === undefined) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    `the ${activity} input is invalid: ${field}: ${NUL_CHARACTER_MESSAGE}`,
    { fieldErrors: [{ path: field, message: NUL_CHARACTER_MESSAGE }] },
  );
}
