import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { DeviationNotice } from '@v2v/contracts';

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

/**
 * QA-04: the deviations a refusal raised where it was refused (a bedside check that does not
 * match), which the journey records although the step is not; none for any other refusal.
 */
export function refusalDeviations(failure: ApplicationFailure): DeviationNotice[] {
  const [details] = (failure.details ?? []) as Array<{ deviations?: unknown } | null | undefined>;
  const deviations = details?.deviations;
  if (!Array.isArray(deviations)) return [];
  return deviations.filter(
    (d): d is DeviationNotice =>
      typeof d?.deviationId === 'string' &&
      d.rule === 'QA-04' &&
      typeof d.detectedAt === 'string' &&
      typeof d.description === 'string',
  );
}
