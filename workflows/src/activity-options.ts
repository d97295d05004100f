import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Work nobody waits on in a request (the specification a journey starts with, a deviation a leg
 * timer raises) must outlast any outage of the service that does it: an accepted order is never
 * lost because production was down for an afternoon. Transient errors are retried without a
 * total limit, backing off to one attempt a minute; each attempt has 30 s to finish. These
 * activities are single short reads or one transaction, so a heartbeat would add nothing that
 * the per-attempt timeout does not already give. A domain refusal is a non-retryable
 * ApplicationFailure and still fails at once.
 */
export const DURABLE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
};

/**
 * A journey step is an Update a person's HTTP request waits on, so it keeps a bounded budget:
 * about two minutes of retries, then the step fails with SERVICE_UNAVAILABLE (503) and the person
 * tries again. That is safe because a step's record is keyed by the journey step itself (donor
 * code, step, cycle), not by the request: if the service had committed before the failure, the
 * retry, even under a new event id, gets the recorded step back instead of writing a second one.
 */
export const STEP_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30s',
  scheduleToCloseTimeout: '2m',
  retry: {
    initialInterval: '500ms',
    backoffCoefficient: 2,
    maximumInterval: '8s',
    maximumAttempts: 6,
  },
};
