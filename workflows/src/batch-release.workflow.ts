import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  setHandler,
} from '@temporalio/workflow';
import type { ReleaseGateQuery, ReleaseGateStanding } from '@v2v/contracts';
import {
  batchReleasedSignal,
  productShippedSignal,
  releaseGatesChangedSignal,
  releaseGatesQuery,
  releaseGatesSummarySignal,
  releaseVoidedSignal,
} from '@v2v/contracts/workflow';
import { DURABLE_GATES, evaluateReleaseGates } from './release-gates';
import { releaseGatesSummary, releaseVoidance } from './release-standing';

export interface BatchReleaseInput extends ReleaseGateQuery {
  /** The release the journey recorded, carried over a continue-as-new. */
  covered?: ReleaseGateStanding;
  /** The last standing, carried over a continue-as-new so the query answers at once. */
  standing?: ReleaseGateStanding;
}

/** Evaluated again at the latest after this long, whether or not anything signalled a change. */
export const RELEASE_GATES_INTERVAL = '6h';

/** Evaluations per run: then the child continues as new, its history bounded. */
export const RELEASE_EVALUATIONS_PER_RUN = 40;

/**
 * The release of one batch, `release-<batch number>`, a child of the journey from the batch's
 * completion until it ships (QA-02, CSV-02). It holds the gates' last standing for the query,
 * tells the journey each evaluation, and once the journey recorded a release, compares every
 * evaluation with what the release covered: a change voids the release (recorded by the release
 * service) and the journey goes back to release review.
 */
export async function batchRelease(input: BatchReleaseInput): Promise<void> {
  const query: ReleaseGateQuery = {
    donorCode: input.donorCode,
    batchNumber: input.batchNumber,
    journeyId: input.journeyId,
  };
  const journey = getExternalWorkflowHandle(input.journeyId);
  let standing = input.standing ?? null;
  let covered = input.covered;
  let changed = true;
  let shipped = false;
  setHandler(releaseGatesQuery, () => standing);
  setHandler(releaseGatesChangedSignal, () => {
    changed = true;
  });
  setHandler(batchReleasedSignal, (release) => {
    covered = release.covered;
  });
  // The journey found the release void itself (at shipment) and recorded it.
  setHandler(releaseVoidedSignal, () => {
    covered = undefined;
  });
  setHandler(productShippedSignal, () => {
    shipped = true;
  });

  for (let evaluations = 0; evaluations < RELEASE_EVALUATIONS_PER_RUN; evaluations++) {
    await condition(() => changed || shipped, RELEASE_GATES_INTERVAL);
    if (shipped) return;
    changed = false;
    const judgedAgainst = covered;
    standing = await evaluateReleaseGates(query);
    // A release recorded while this evaluation ran is judged by the next one, not by answers
    // that may predate what the qualified person saw.
    if (covered !== judgedAgainst) changed = true;
    const voidance =
      covered && covered === judgedAgainst ? releaseVoidance(covered, standing) : undefined;
    if (voidance) {
      await DURABLE_GATES.release.voidRelease({ ...query, ...voidance });
      covered = undefined;
      await journey.signal(releaseVoidedSignal, voidance);
    }
    await journey.signal(
      releaseGatesSummarySignal,
      releaseGatesSummary(standing, voidance?.reason),
    );
  }
  await condition(allHandlersFinished);
  if (shipped) return;
  await continueAsNew<typeof batchRelease>({ ...query, covered, standing: standing ?? undefined });
}
