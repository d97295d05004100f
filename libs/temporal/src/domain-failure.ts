import { ApplicationFailure } from '@temporalio/common';
import { ActivityRefusal, DomainError, uniqueViolationRefusal } from '@v2v/contracts';
import { activityRefusal } from './activity-refusal';

/** Keeps a refused activity on record in the owning service's schema. */
export type RecordRefusal = (refusal: ActivityRefusal) => Promise<void>;

/**
 * Activities are the Temporal edge of a service: a domain refusal becomes a
 * non-retryable ApplicationFailure whose `type` is the reason code (the rule ID where a
 * GMP rule refused), so the journey fails the step with the same code. A unique violation no
 * use case answered is such a refusal too (RECORD_ALREADY_EXISTS): retried, it would fail the
 * same way until the step's budget ran out, and its raw driver message would reach the user.
 * Anything else stays retryable.
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
