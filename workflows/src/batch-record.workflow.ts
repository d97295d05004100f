import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type {
  BatchRecordInput,
  BatchRecordRejection,
  BatchRecordResult,
  BatchRecordView,
  BatchStepCommand,
  ProductionActivities,
} from '@v2v/contracts';
import {
  batchRecordViewQuery,
  batchRejectedSignal,
  completeBatchStepUpdate,
  DonorCodeKey,
  ProductCodeKey,
  startBatchStepUpdate,
  TASK_QUEUES,
} from '@v2v/contracts/workflow';
import { DURABLE_ACTIVITY } from './activity-options';
import { BatchRecordState, BatchUpdateKind, OpenTransfer } from './batch-record-state';
import { production } from './step-activities';
import { asStepFailure } from './step-failure';

// Nobody waits on these in a request: the definition the batch runs on and the overdue
// transfer's deviation are retried through any outage of production until they are recorded.
const durable = proxyActivities<
  Pick<ProductionActivities, 'getBatchProcess' | 'raiseBatchTransferDeviation'>
>({ ...DURABLE_ACTIVITY, taskQueue: TASK_QUEUES.production });

/**
 * The electronic batch record of one batch, `batch-<batch number>`, a child of the journey:
 * each step of the process definition is started and completed by an update, strictly in order;
 * production records and judges each (PRD-01..08, PER-02). After a step whose material leaves
 * in an in-process transfer, a durable timer runs to the transfer's time limit: if the next
 * step has not started by then, production raises a GEN-01 deviation, once. QA's rejection of the
 * batch (signalled by the journey once recorded) ends the record without its remaining steps.
 *
 * History stays bounded without continue-as-new: a definition has at most 40 steps, so a batch
 * takes at most 80 updates of a few events each, plus one timer per transfer.
 */
export async function batchRecord(
  input: BatchRecordInput,
): Promise<BatchRecordResult | BatchRecordRejection> {
  const state = new BatchRecordState(input);

  const publish = () =>
    upsertMemo({
      batchNumber: input.batchNumber,
      donorCode: input.donorCode,
      processVersion: state.process?.processVersion,
      currentStep: state.currentStepId ?? null,
      completed: state.completed,
      openDeviations: state.deviations.length,
    });

  const activityInput = <P>(command: BatchStepCommand<P>) => ({
    journeyId: input.journeyId,
    donorCode: input.donorCode,
    batchNumber: input.batchNumber,
    processVersion: state.process!.processVersion,
    stepId: command.stepId,
    stepIndex: state.indexOf(command.stepId),
    eventId: command.eventId,
    actor: command.actor,
    occurredAt: new Date().toISOString(),
    knownPositiveMarkers: input.knownPositiveMarkers,
    payload: command.payload,
  });

  const refuse = (kind: BatchUpdateKind, command: BatchStepCommand<unknown>) => {
    const refusal = state.refusal(kind, command);
    if (refusal)
      throw ApplicationFailure.create({
        type: refusal.reasonCode,
        message: refusal.message,
        nonRetryable: true,
      });
  };

  const run = async (
    kind: BatchUpdateKind,
    command: BatchStepCommand<unknown>,
    record: () => Promise<void>,
  ): Promise<BatchRecordView> => {
    // An update accepted before the definition was loaded is judged once it is.
    await condition(() => state.process !== undefined);
    const previous = state.previousResult(command.eventId);
    if (previous) return previous;
    refuse(kind, command);
    const result = (async () => {
      try {
        await record();
      } catch (error) {
        throw asStepFailure(error);
      }
      publish();
      const view = state.view();
      state.remember(command.eventId, view);
      return view;
    })();
    state.begin(command.eventId, result);
    return result.finally(() => state.end(command.eventId));
  };

  // Handlers first: updates can arrive before the body below loads the definition.
  setHandler(
    startBatchStepUpdate,
    (command) =>
      run('start', command, async () => {
        const record = await production.startBatchStep(activityInput(command));
        state.applyStart(command, record);
      }),
    { validator: (command) => refuse('start', command) },
  );
  setHandler(
    completeBatchStepUpdate,
    (command) =>
      run('complete', command, async () => {
        const record = await production.completeBatchStep(activityInput(command));
        state.applyCompletion(command, record, new Date().toISOString());
      }),
    { validator: (command) => refuse('complete', command) },
  );
  setHandler(batchRecordViewQuery, () => state.view());
  setHandler(batchRejectedSignal, (rejection) => {
    state.reject(rejection);
    publish();
  });

  upsertSearchAttributes([
    { key: DonorCodeKey, value: input.donorCode },
    { key: ProductCodeKey, value: input.productCode },
  ]);
  state.loadProcess(
    await durable.getBatchProcess({
      productCode: input.productCode,
      specificationVersion: input.specificationVersion,
    }),
  );
  publish();

  while (!state.ended) {
    const transfer = state.transfer;
    if (transfer && !transfer.raised) await watchTransfer(state, transfer, publish);
    else await condition(() => state.ended || state.transfer !== transfer);
  }
  await condition(allHandlersFinished);
  if (state.rejection)
    return {
      outcome: 'rejected',
      batchNumber: input.batchNumber,
      ...state.rejection,
      deviations: [...state.deviations],
    };
  if (state.totalCellCount === undefined)
    throw ApplicationFailure.create({
      type: 'PRD-01',
      message: `the last step of batch ${input.batchNumber} recorded no total cell count (PRD-01)`,
      nonRetryable: true,
    });
  return {
    outcome: 'completed',
    batchNumber: input.batchNumber,
    totalCellCount: state.totalCellCount,
    completedAt: state.completedAt!,
    completedBy: state.lastActor!,
    deviations: [...state.deviations],
  };
}

/**
 * Waits for the next step to start until the transfer's limit; past it (and after a start
 * being recorded at that moment, which may end the transfer in time), production raises the
 * deviation.
 */
async function watchTransfer(
  state: BatchRecordState,
  transfer: OpenTransfer,
  publish: () => void,
): Promise<void> {
  const ended = () => state.transfer !== transfer || state.ended;
  const remaining = Math.max(1, Date.parse(transfer.dueAt) - Date.now());
  if (await condition(ended, remaining)) return;
  await condition(() => !state.busy);
  if (ended()) return;
  transfer.raised = true;
  const record = await durable.raiseBatchTransferDeviation({
    journeyId: state.input.journeyId,
    donorCode: state.input.donorCode,
    batchNumber: state.input.batchNumber,
    fromStepId: transfer.fromStepId,
    departedAt: transfer.departedAt,
    dueAt: transfer.dueAt,
  });
  state.recordDeviations(record.deviations);
  publish();
}
