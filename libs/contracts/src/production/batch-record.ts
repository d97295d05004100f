import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../journey/actor';
import type { ProcessDefinitionContent } from '../internal/processes';
import type { BatchStepCompletion, BatchStepStart } from './batch-step-payloads';

/*
 * The electronic batch record (§9, PRD-01..08, PER-02, GEN-01, MAT-01, TRC-03): a child workflow
 * of the journey, `batch-<batch number>`, taking the steps of the journey's process definition in
 * order, each as two updates — `startBatchStep` (the room, equipment and line are checked again
 * when the work starts, PRD-04) and `completeBatchStep` (what the step did). Production records
 * and judges each; the workflow keeps the order and the in-process transfer timers.
 */

export const BATCH_RECORD_WORKFLOW_TYPE = 'batchRecord';
export const batchRecordWorkflowId = (batchNumber: string) => `batch-${batchNumber}`;

/** The update's argument: the gateway adds the event id (Idempotency-Key) and the actor. */
export interface BatchStepCommand<P> {
  stepId: string;
  eventId: string;
  actor: Actor;
  payload: P;
}

/** A deviation the batch record raised (parameter, container, transfer): QA investigates it. */
export interface BatchDeviationNotice {
  deviationId: string;
  stepId: string;
  rule: 'PRD-01' | 'PRD-07' | 'PRD-08' | 'GEN-01';
  message: string;
  raisedAt: string;
}

/** A label the system generated for a step's output (PRD-06): print it, then scan it. */
export interface BatchLabel {
  labelId: string;
  stepId: string;
  container: string;
  /** What the Data Matrix encodes; the confirmation scan must read exactly this. */
  content: string;
}

/** What production recorded for one start or completion. */
export interface BatchStepRecord {
  recordId: string;
  summary: string;
  deviations: BatchDeviationNotice[];
  labels: BatchLabel[];
  /** On the last step's completion: the total cell count (PRD-01, the batch size). */
  totalCellCount?: number;
}

export type BatchStepStatus = 'pending' | 'in-progress' | 'completed';

export interface BatchRecordView {
  batchNumber: string;
  donorCode: string;
  productCode: string;
  processVersion: number;
  steps: Array<{
    stepId: string;
    name: string;
    status: BatchStepStatus;
    startedAt?: string;
    endedAt?: string;
    bookingId?: string;
  }>;
  labels: BatchLabel[];
  deviations: BatchDeviationNotice[];
  /** An in-process transfer under way: where from, and when its time limit runs out (GEN-01). */
  transfer?: { fromStepId: string; departedAt: string; dueAt: string };
  completed: boolean;
  /** When QA rejected the batch, if it did (the record then takes no more steps). */
  rejectedAt?: string;
  totalCellCount?: number;
}

/** The child's input from the journey, after the batch was started (`startProduction`). */
export interface BatchRecordInput {
  journeyId: string;
  donorCode: string;
  batchNumber: string;
  productCode: string;
  specificationVersion: number;
  knownPositiveMarkers: string[];
}

/** The child's result: the journey records the completion of production with it. */
export interface BatchRecordResult {
  /** Absent in results of batch records older than rejection: those all completed. */
  outcome?: 'completed';
  batchNumber: string;
  totalCellCount: number;
  completedAt: string;
  completedBy: Actor;
  deviations: BatchDeviationNotice[];
}

/** The child's result when QA rejected the batch before its last step (MAT-04). */
export interface BatchRecordRejection {
  outcome: 'rejected';
  batchNumber: string;
  rejectedAt: string;
  rejectedBy: Actor;
  deviations: BatchDeviationNotice[];
}

/** Sent by the journey once QA's rejection of the batch is recorded: no more steps are taken. */
export const batchRejectedSignal =
  defineSignal<[{ rejectedAt: string; rejectedBy: Actor }]>('batchRejected');

/** The published definition a batch runs on (PRD-01, PRD-03). */
export interface BatchProcess {
  productCode: string;
  processVersion: number;
  specificationVersion: number;
  content: ProcessDefinitionContent;
}

/** What production's batch-record activities receive. */
export interface BatchStepActivityInput<P> {
  journeyId: string;
  donorCode: string;
  batchNumber: string;
  processVersion: number;
  stepId: string;
  /** The step's position in the definition (0 is the first). */
  stepIndex: number;
  eventId: string;
  actor: Actor;
  /** Workflow time at which the update was accepted. */
  occurredAt: string;
  knownPositiveMarkers: string[];
  payload: P;
}

/** Raised by the workflow when an in-process transfer runs past its time limit (GEN-01). */
export interface BatchTransferOverdueInput {
  journeyId: string;
  donorCode: string;
  batchNumber: string;
  fromStepId: string;
  departedAt: string;
  dueAt: string;
}

export const startBatchStepUpdate = defineUpdate<
  BatchRecordView,
  [BatchStepCommand<BatchStepStart>]
>('startBatchStep');
export const completeBatchStepUpdate = defineUpdate<
  BatchRecordView,
  [BatchStepCommand<BatchStepCompletion>]
>('completeBatchStep');
export const batchRecordViewQuery = defineQuery<BatchRecordView>('batchRecordView');
