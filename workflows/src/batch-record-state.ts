import type {
  Actor,
  BatchDeviationNotice,
  BatchLabel,
  BatchProcess,
  BatchRecordInput,
  BatchRecordView,
  BatchStepCommand,
  BatchStepCompletion,
  BatchStepRecord,
  BatchStepStart,
  BatchStepStatus,
} from '@v2v/contracts';
import type { Refusal } from './journey-state';

export type BatchUpdateKind = 'start' | 'complete';

interface StepProgress {
  status: BatchStepStatus;
  startedAt?: string;
  endedAt?: string;
  bookingId?: string;
}

/** An in-process transfer out of a completed step, timed until the next step starts (GEN-01). */
export interface OpenTransfer {
  fromStepId: string;
  departedAt: string;
  dueAt: string;
  /** The overdue deviation was raised: it is raised once per transfer. */
  raised: boolean;
}

const MINUTE_MS = 60_000;

/**
 * Everything a batch record knows, behind methods the handlers call. Pure and deterministic (no
 * Temporal API), so it is unit-tested directly. Steps are taken strictly in the definition's
 * order, one update of the batch at a time.
 */
export class BatchRecordState {
  process?: BatchProcess;
  transfer?: OpenTransfer;
  totalCellCount?: number;
  lastActor?: Actor;
  completedAt?: string;
  /** QA rejected the batch (MAT-04): the record ends without its remaining steps. */
  rejection?: { rejectedAt: string; rejectedBy: Actor };
  readonly labels: BatchLabel[] = [];
  readonly deviations: BatchDeviationNotice[] = [];
  private progress: StepProgress[] = [];
  private readonly applied = new Map<string, BatchRecordView>();
  private inFlight?: { eventId: string; result: Promise<BatchRecordView> };

  constructor(readonly input: BatchRecordInput) {}

  loadProcess(process: BatchProcess): void {
    this.process = process;
    this.progress = process.content.steps.map(() => ({ status: 'pending' }));
  }

  get completed(): boolean {
    return this.progress.length > 0 && this.progress.every((p) => p.status === 'completed');
  }

  /** Ended: every step completed, or the batch rejected. */
  get ended(): boolean {
    return this.completed || this.rejection !== undefined;
  }

  reject(rejection: { rejectedAt: string; rejectedBy: Actor }): void {
    this.rejection ??= rejection;
  }

  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  indexOf(stepId: string): number {
    return this.process?.content.steps.findIndex((s) => s.stepId === stepId) ?? -1;
  }

  /** Why an update may not run now, or undefined when it may (or repeats an event id). */
  refusal(kind: BatchUpdateKind, command: BatchStepCommand<unknown>): Refusal | undefined {
    if (this.applied.has(command.eventId) || this.inFlight?.eventId === command.eventId)
      return undefined;
    // Until the definition is loaded the order is unknown: the handler checks again once it is.
    if (!this.process) return undefined;
    if (this.rejection)
      return outOfOrder(
        `batch ${this.input.batchNumber} was rejected at ${this.rejection.rejectedAt}; its record takes no more steps`,
      );
    if (this.inFlight)
      return {
        reasonCode: 'STEP_IN_PROGRESS',
        message: 'another step of this batch is being recorded; try again',
      };
    const index = this.indexOf(command.stepId);
    if (index < 0)
      return {
        reasonCode: 'NOT_FOUND',
        message: `step ${command.stepId} is not in process v${this.process.processVersion}`,
      };
    const status = this.progress[index].status;
    if (kind === 'start') {
      const next = this.progress.findIndex((p) => p.status !== 'completed');
      if (index !== next || status !== 'pending')
        return outOfOrder(
          `step ${command.stepId} is not the next step of batch ${this.input.batchNumber}`,
        );
    } else if (status !== 'in-progress') {
      return outOfOrder(
        `step ${command.stepId} of batch ${this.input.batchNumber} is not in progress`,
      );
    }
    return undefined;
  }

  /** The first answer to an event id already applied or being applied. */
  previousResult(eventId: string): Promise<BatchRecordView> | undefined {
    const done = this.applied.get(eventId);
    if (done) return Promise.resolve(done);
    return this.inFlight?.eventId === eventId ? this.inFlight.result : undefined;
  }

  begin(eventId: string, result: Promise<BatchRecordView>): void {
    this.inFlight = { eventId, result };
  }

  end(eventId: string): void {
    if (this.inFlight?.eventId === eventId) this.inFlight = undefined;
  }

  remember(eventId: string, view: BatchRecordView): void {
    this.applied.set(eventId, view);
  }

  applyStart(command: BatchStepCommand<BatchStepStart>, record: BatchStepRecord): void {
    const index = this.indexOf(command.stepId);
    this.progress[index] = {
      status: 'in-progress',
      startedAt: command.payload.startedAt,
      bookingId: command.payload.bookingId,
    };
    // The next step started: the transfer into it is over, its timer no longer matters.
    this.transfer = undefined;
    this.keep(record, command.actor);
  }

  applyCompletion(
    command: BatchStepCommand<BatchStepCompletion>,
    record: BatchStepRecord,
    at: string,
  ): void {
    const index = this.indexOf(command.stepId);
    this.progress[index] = {
      ...this.progress[index],
      status: 'completed',
      endedAt: command.payload.endedAt,
    };
    this.keep(record, command.actor);
    const transferOut = this.process!.content.steps[index].transferOut;
    const departedAt = command.payload.transferDepartedAt;
    const last = index === this.progress.length - 1;
    if (transferOut && departedAt && !last) {
      const dueAt = Date.parse(departedAt) + transferOut.maxMinutes * MINUTE_MS;
      this.transfer = {
        fromStepId: command.stepId,
        departedAt,
        dueAt: new Date(dueAt).toISOString(),
        raised: false,
      };
    }
    if (last) {
      this.totalCellCount = record.totalCellCount;
      this.completedAt = at;
    }
  }

  /** Deviations a service raised outside an update (the overdue transfer, GEN-01). */
  recordDeviations(deviations: BatchDeviationNotice[]): void {
    for (const d of deviations)
      if (!this.deviations.some((known) => known.deviationId === d.deviationId))
        this.deviations.push(d);
  }

  private keep(record: BatchStepRecord, actor: Actor): void {
    this.lastActor = actor;
    this.recordDeviations(record.deviations);
    for (const label of record.labels)
      if (!this.labels.some((known) => known.labelId === label.labelId)) this.labels.push(label);
  }

  /** The step being worked or next to work, for Temporal UI's memo. */
  get currentStepId(): string | undefined {
    const index = this.progress.findIndex((p) => p.status !== 'completed');
    return index < 0 ? undefined : this.process?.content.steps[index].stepId;
  }

  view(): BatchRecordView {
    const steps = this.process?.content.steps ?? [];
    return {
      batchNumber: this.input.batchNumber,
      donorCode: this.input.donorCode,
      productCode: this.input.productCode,
      processVersion: this.process?.processVersion ?? 0,
      steps: steps.map((s, i) => ({ stepId: s.stepId, name: s.name, ...this.progress[i] })),
      labels: [...this.labels],
      deviations: [...this.deviations],
      ...(this.transfer
        ? {
            transfer: {
              fromStepId: this.transfer.fromStepId,
              departedAt: this.transfer.departedAt,
              dueAt: this.transfer.dueAt,
            },
          }
        : {}),
      completed: this.completed,
      ...(this.rejection ? { rejectedAt: this.rejection.rejectedAt } : {}),
      ...(this.totalCellCount !== undefined ? { totalCellCount: this.totalCellCount } : {}),
    };
  }
}

function outOfOrder(message: string): Refusal {
  return { reasonCode: 'STEP_OUT_OF_ORDER', message };
}
