import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@v2v/contracts';

/**
 * Activities are the Temporal edge of a service: a domain refusal becomes a
 * non-retryable ApplicationFailure whose `type` is the reason code (the rule ID where a
 * GMP rule refused), so the journey fails the step with the same code. Anything else
 * stays retryable.
 */
export function asTemporalActivities<T extends object>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn.apply(activities, args);
      } catch (error) {
        if (error instanceof DomainError) {
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
