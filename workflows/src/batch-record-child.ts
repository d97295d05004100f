import {
  ChildWorkflowHandle,
  condition,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  startChild,
} from '@temporalio/workflow';
import type { BatchRecordRejection, BatchRecordResult, StepCommand } from '@v2v/contracts';
import { batchRecordWorkflowId, batchRejectedSignal } from '@v2v/contracts/workflow';
import { batchRecord } from './batch-record.workflow';
import { startBatchRelease } from './batch-release-child';
import type { JourneyState } from './journey-state';
import { publishJourneyVisibility } from './journey-visibility';
import { durableProduction, stepActivityInput } from './step-activities';

/** Journeys that started production before the batch record existed complete it by hand. */
export const BATCH_RECORD_CHILD_PATCH = 'batch-record-child';

/**
 * After `startProduction`, the batch runs as the child `batch-<batch number>`. TERMINATE on
 * parent close, as custody legs: a cancelled journey's batch is documented by its cancellation
 * record, and no batch record outlives the journey that owns it. The journey does not wait for
 * the child in the update: the child's completion records `completeProduction` by itself.
 */
export async function startBatchRecord(state: JourneyState, journeyId: string): Promise<void> {
  const batchNumber = state.batchNumber;
  if (!batchNumber || !patched(BATCH_RECORD_CHILD_PATCH)) return;
  const workflowId = batchRecordWorkflowId(batchNumber);
  const handle = await startChild(batchRecord, {
    workflowId,
    parentClosePolicy: ParentClosePolicy.TERMINATE,
    args: [
      {
        journeyId,
        donorCode: state.input.donorCode,
        batchNumber,
        productCode: state.input.order.productCode,
        specificationVersion: state.specification!.version,
        knownPositiveMarkers: [...state.knownPositiveMarkers],
      },
    ],
  });
  state.openBatchRecord(workflowId, new Date().toISOString());
  void completeProductionWhenDone(handle, state, journeyId);
}

/**
 * The last step's completion completes production: recorded through production's own step with
 * the child's cell count and last operator, under an event id the batch fixes (a replayed or
 * retried completion is the same record). A failed child or a refused completion records
 * nothing: the journey stays in production, and its timeline says why.
 */
async function completeProductionWhenDone(
  handle: ChildWorkflowHandle<typeof batchRecord>,
  state: JourneyState,
  journeyId: string,
): Promise<void> {
  let result: BatchRecordResult | BatchRecordRejection;
  try {
    result = await handle.result();
  } catch (error) {
    state.note(
      `batch record ${handle.workflowId} failed: ${failureMessage(error)}`,
      new Date().toISOString(),
    );
    return;
  }
  if (result.outcome === 'rejected') {
    state.note(
      `batch record ${handle.workflowId} ended: the batch was rejected`,
      result.rejectedAt,
    );
    return;
  }
  const command: StepCommand<'completeProduction'> = {
    eventId: `${journeyId}-batch-${result.batchNumber}-completion`,
    actor: result.completedBy,
    payload: { totalCellCount: result.totalCellCount },
  };
  await condition(() => !state.busy);
  if (state.stage !== 'in-production') return;
  try {
    const record = await durableProduction.completeProduction(
      stepActivityInput('completeProduction', command, state, journeyId),
    );
    state.apply('completeProduction', command, record, new Date().toISOString());
    state.remember(command.eventId, state.view());
    publishJourneyVisibility(state);
  } catch (error) {
    state.note(
      `production refused the completion of batch ${result.batchNumber}: ${failureMessage(error)}`,
      new Date().toISOString(),
    );
    return;
  }
  await startBatchRelease(state, journeyId);
}

/** QA's rejection recorded, the batch record takes no more steps and ends. */
export async function rejectBatchRecord(state: JourneyState, command: StepCommand): Promise<void> {
  const workflowId = state.batchRecordWorkflowId;
  if (!workflowId) return;
  try {
    await getExternalWorkflowHandle(workflowId).signal(batchRejectedSignal, {
      rejectedAt: new Date().toISOString(),
      rejectedBy: command.actor,
    });
  } catch (error) {
    // A record already ended (its last step done as QA rejected) has nothing left to stop.
    state.note(`batch record ${workflowId} not signalled: ${failureMessage(error)}`, now());
  }
}

const now = () => new Date().toISOString();

function failureMessage(error: unknown): string {
  const cause = (error as { cause?: Error }).cause;
  return cause?.message ?? (error as Error).message ?? String(error);
}
