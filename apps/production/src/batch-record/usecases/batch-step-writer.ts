import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type BatchLabel,
  type BatchStepActivityInput,
  type BatchStepRecord,
  type CustodyEventType,
  DomainError,
  requireOperationRole,
  TOPICS,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { Clock } from '@v2v/service-kit';
import type { BatchDeviation } from '../batch-record-rules';
import type { BatchStepRow, NewBatchStepRow } from '../batch-record';
import { BatchRecordRepository } from '../batch-record.repository';
import { requirePlausibleStepTimes } from '../batch-step-rules';

type Kind = BatchStepRow['kind'];
const MESSAGE_TYPES: Record<Kind, CustodyEventType> = {
  start: 'batch.step-started.v1',
  completion: 'batch.step-completed.v1',
};

/**
 * What the start and the completion of a step share: once per event id (a retried activity
 * gets the first record back, a reused id for another step is a conflict), and one row, its
 * labels, its deviations, the audit entry and the custody event in the caller's transaction.
 */
@Injectable()
export class BatchStepWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: BatchRecordRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `record` in one transaction unless the event is on record already; a concurrent
   * attempt of the same event answers with the winner's record, another event that started
   * or completed the same step in the meantime is refused as out of order (PRD-01).
   */
  async once(
    input: BatchStepActivityInput<unknown>,
    kind: Kind,
    record: (manager: EntityManager) => Promise<BatchStepRecord>,
  ): Promise<BatchStepRecord> {
    requireOperationRole(kind === 'start' ? 'startBatchStep' : 'completeBatchStep', input.actor);
    requirePlausibleStepTimes(kind, input, input.occurredAt);
    const repeat = await this.recorded(this.dataSource.manager, input, kind);
    if (repeat) return repeat;
    try {
      return await this.dataSource.transaction(record);
    } catch (error) {
      const constraint = uniqueViolationConstraint(error);
      if (constraint === 'UQ_batch_step_record_event') {
        const winner = await this.recorded(this.dataSource.manager, input, kind);
        if (winner) return winner;
      }
      if (constraint === 'UQ_batch_step_record_step')
        throw new DomainError(
          'PRD-01',
          `step ${input.stepId} of batch ${input.batchNumber} was recorded meanwhile by another event; steps are taken in order (PRD-01)`,
        );
      throw error;
    }
  }

  private async recorded(
    manager: EntityManager,
    input: BatchStepActivityInput<unknown>,
    kind: Kind,
  ): Promise<BatchStepRecord | undefined> {
    const row = await this.records.stepByEvent(manager, input.eventId);
    if (!row) return undefined;
    const same =
      row.kind === kind &&
      row.batchNumber === input.batchNumber &&
      row.stepIndex === input.stepIndex &&
      row.recordedBy.userId === input.actor.userId;
    if (!same)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${input.eventId} was already used for the ${row.kind} of step ${row.stepId} of batch ${row.batchNumber}`,
      );
    return {
      recordId: row.recordId,
      summary: row.summary,
      deviations: await this.records.deviationsOfEvent(manager, input.eventId),
      labels: kind === 'start' ? await this.records.labelsOfStart(manager, row.recordId) : [],
      ...(row.totalCellCount !== null ? { totalCellCount: row.totalCellCount } : {}),
    };
  }

  /** Writes the step's row, labels and deviations, its audit entry and its custody event. */
  async write(
    manager: EntityManager,
    row: Omit<NewBatchStepRow, 'recordId'>,
    extra: { labels: BatchLabel[]; deviations: Array<BatchDeviation & { stepId: string }> },
  ): Promise<BatchStepRecord> {
    const recordId = randomUUID();
    await this.records.insertStep(manager, { ...row, recordId });
    const at = row.endedAt ?? row.startedAt;
    await this.records.insertLabels(
      manager,
      { recordId, batchNumber: row.batchNumber, stepIndex: row.stepIndex, generatedAt: at },
      extra.labels,
    );
    const deviations = await this.records.raiseDeviations(
      manager,
      {
        eventId: row.eventId,
        batchNumber: row.batchNumber,
        donorCode: row.donorCode,
        raisedAt: at,
      },
      extra.deviations.map((d) => ({ ...d, deviationId: randomUUID() })),
    );
    const detail = {
      batchNumber: row.batchNumber,
      stepId: row.stepId,
      stepIndex: row.stepIndex,
      bookingId: row.bookingId,
      roomCode: row.roomCode,
      equipmentCode: row.equipmentCode,
      lineCode: row.lineCode,
      shiftCode: row.shiftCode,
      operators: row.operators,
      startedAt: row.startedAt,
      ...(row.endedAt ? { endedAt: row.endedAt } : {}),
      labels: extra.labels.map((l) => l.labelId),
      deviations,
      ...(row.totalCellCount !== null ? { totalCellCount: row.totalCellCount } : {}),
    };
    await writeAudit(manager, 'production', {
      recordType: 'batch-step-record',
      recordId,
      journeyId: row.journeyId,
      action: 'create',
      actor: row.recordedBy,
      newValue: { ...detail, kind: row.kind, eventId: row.eventId, payload: row.payload },
    });
    await appendToOutbox(manager, {
      topic: TOPICS.production,
      aggregateType: 'journey',
      aggregateId: row.donorCode,
      messageType: MESSAGE_TYPES[row.kind],
      producer: 'production',
      causationId: row.eventId,
      journeyId: row.journeyId,
      // When the step was recorded, as for every other custody event; when the work started
      // or ended is in the detail.
      occurredAt: this.clock.now(),
      payload: {
        donorCode: row.donorCode,
        journeyId: row.journeyId,
        actor: { userId: row.recordedBy.userId, role: row.recordedBy.role },
        recordId,
        summary: row.summary,
        detail,
      },
    });
    return {
      recordId,
      summary: row.summary,
      deviations,
      labels: extra.labels,
      ...(row.totalCellCount !== null ? { totalCellCount: row.totalCellCount } : {}),
    };
  }
}
