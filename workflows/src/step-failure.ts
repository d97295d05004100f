import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** The service's refusal code becomes the update's failure type; the stage stays. */
export function asStepFailure(error: unknown): ApplicationFailure {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.nonRetryable && cause.type) {
    return ApplicationFailure.create({
      type: cause.type,
      message: cause.message,
      details: cause.details ?? undefined,
      nonRetryable: true,
    });
  }
  return ApplicationFailure.create({
    type: 'SERVICE_UNAVAILABLE',
    message: `the owning service did not complete the step: ${(cause as Error)?.message ?? cause}`,
    nonRetryable: true,
  });
}
