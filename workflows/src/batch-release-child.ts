import {
  ApplicationFailure,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  startChild,
} from '@temporalio/workflow';
import type { JourneyStage, ReleaseGateQuery, ReleaseGateStanding } from '@v2v/contracts';
import {
  batchReleasedSignal,
  batchReleaseWorkflowId,
  productShippedSignal,
  releaseGatesChangedSignal,
  releaseVoidedSignal,
} from '@v2v/contracts/workflow';
import { batchRelease } from './batch-release.workflow';
import type { JourneyState } from './journey-state';
import { publishJourneyVisibility } from './journey-visibility';
import { evaluateReleaseGates, STEP_GATES } from './release-gates';
import { releaseGatesRefusal, releaseVoidance } from './release-standing';
import { production } from './step-activities';
import { asStepFailure } from './step-failure';

/** Journeys older than the PRD-05 release gate were released without asking production. */
export const RELEASE_HOLD_GATE_PATCH = 'prd-05-release-gate';

/** Journeys whose production completed before the release child existed have none. */
export const BATCH_RELEASE_CHILD_PATCH = 'batch-release-child';

/** Journeys released before the release gates were released on PRD-05 and the QC results. */
export const BATCH_RELEASE_GATES_PATCH = 'batch-release-gates';

/** Journeys older than this did not tell the release child of a deviation raised. */
export const RELEASE_GATES_ON_DEVIATION_PATCH = 'release-gates-on-deviation';
/** QC results after the shipment (QA-04) no longer signal the ended release child. */
export const SHIPPED_RELEASE_ENDED_PATCH = 'shipped-release-ended';

/**
 * Once production completes, the batch's release runs as the child `release-<batch number>`.
 * TERMINATE on parent close, as the batch record: no release outlives the journey that owns it.
 */
export async function startBatchRelease(state: JourneyState, journeyId: string): Promise<void> {
  const batchNumber = state.batchNumber;
  if (!batchNumber || !patched(BATCH_RELEASE_CHILD_PATCH)) return;
  const workflowId = batchReleaseWorkflowId(batchNumber);
  await startChild(batchRelease, {
    workflowId,
    parentClosePolicy: ParentClosePolicy.TERMINATE,
    args: [{ journeyId, donorCode: state.input.donorCode, batchNumber }],
  });
  state.openBatchRelease(workflowId, new Date().toISOString());
}

/**
 * QA-02: before the release is recorded, the journey evaluates the gates itself (a signal the
 * child missed does not let a release through) and refuses naming each open item; the standing
 * goes to the release service with the step. Journeys older than the gates keep PRD-05 alone.
 */
export async function gateRelease(
  state: JourneyState,
  journeyId: string,
): Promise<ReleaseGateStanding | undefined> {
  if (!state.batchNumber) return undefined;
  if (!patched(BATCH_RELEASE_GATES_PATCH)) {
    await requireBatchReleasable(state);
    return undefined;
  }
  const standing = await evaluate(state, journeyId);
  const refusal = releaseGatesRefusal(standing);
  if (refusal)
    throw ApplicationFailure.create({
      type: refusal.code,
      message: refusal.message,
      details: [refusal.details],
      nonRetryable: true,
    });
  return standing;
}

/** The release recorded over `covered`: the child judges every later evaluation against it. */
export async function releaseRecorded(
  state: JourneyState,
  covered: ReleaseGateStanding,
): Promise<void> {
  state.coveredRelease = covered;
  await signalRelease(state, (handle) => handle.signal(batchReleasedSignal, { covered }));
}

/**
 * CSV-02: before a shipment the journey evaluates again and compares with what the release
 * covered. A void release is recorded as such, the journey goes back to release review, and
 * the shipment is refused.
 */
export async function requireReleaseStands(state: JourneyState, journeyId: string): Promise<void> {
  const covered = state.coveredRelease;
  if (!covered) return;
  const voidance = releaseVoidance(covered, await evaluate(state, journeyId));
  if (!voidance) return;
  try {
    await STEP_GATES.release.voidRelease({ ...query(state, journeyId), ...voidance });
  } catch (error) {
    throw asStepFailure(error);
  }
  state.voidRelease(voidance.reason, new Date().toISOString());
  publishJourneyVisibility(state);
  await signalRelease(state, (handle) => handle.signal(releaseVoidedSignal, voidance));
  throw ApplicationFailure.create({
    type: 'QA-02',
    message: `the shipment is refused: ${voidance.reason.replace(' (CSV-02)', '')} (QA-02, CSV-02)`,
    details: [{ changed: voidance.changed }],
    nonRetryable: true,
  });
}

/** The stages after the shipment: the release child has ended. */
const SHIPPED_STAGES: readonly JourneyStage[] = [
  'shipped',
  'received-at-site',
  'infused',
  'follow-up',
  'closed',
];

/**
 * A step recorded something a gate covers (a QC result): the release child evaluates again.
 * After the shipment there is no child left; a late result is judged by the release service,
 * which raises the emergency itself (QA-04).
 */
export async function releaseGatesChanged(state: JourneyState, reason: string): Promise<void> {
  // Histories recorded before signalled the ended child (a deviation of the shipment leg).
  if (SHIPPED_STAGES.includes(state.stage) && patched(SHIPPED_RELEASE_ENDED_PATCH)) return;
  await signalRelease(state, (handle) => handle.signal(releaseGatesChangedSignal, { reason }));
}

/** Shipped: the release child has nothing left to guard. */
export async function productShipped(state: JourneyState): Promise<void> {
  const shippedAt = new Date().toISOString();
  await signalRelease(state, (handle) => handle.signal(productShippedSignal, { shippedAt }));
}

/**
 * PRD-05: a batch exposed to a microbial contamination is not released before its impact
 * assessment; production answers for the batch's open holds, and refuses the release with them.
 */
async function requireBatchReleasable(state: JourneyState): Promise<void> {
  if (!state.batchNumber || !patched(RELEASE_HOLD_GATE_PATCH)) return;
  try {
    await production.requireNoBatchReleaseHold({
      donorCode: state.input.donorCode,
      batchNumber: state.batchNumber,
    });
  } catch (error) {
    throw asStepFailure(error);
  }
}

async function evaluate(state: JourneyState, journeyId: string): Promise<ReleaseGateStanding> {
  try {
    return await evaluateReleaseGates(query(state, journeyId), STEP_GATES);
  } catch (error) {
    throw asStepFailure(error);
  }
}

function query(state: JourneyState, journeyId: string): ReleaseGateQuery {
  return { donorCode: state.input.donorCode, batchNumber: state.batchNumber!, journeyId };
}

type ExternalHandle = ReturnType<typeof getExternalWorkflowHandle>;

/** A child already ended (or never started, before the child existed) has nothing to hear. */
async function signalRelease(
  state: JourneyState,
  send: (handle: ExternalHandle) => Promise<void>,
): Promise<void> {
  const workflowId = state.batchReleaseWorkflowId;
  if (!workflowId) return;
  try {
    await send(getExternalWorkflowHandle(workflowId));
  } catch (error) {
    state.note(
      `release ${workflowId} not signalled: ${(error as Error).message}`,
      new Date().toISOString(),
    );
  }
}
