import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type BatchStepRecord,
  type BatchTransferOverdueInput,
  DomainError,
  TOPICS,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { Clock } from '@v2v/service-kit';
import { BatchRecordRepository } from '../batch-record.repository';

const SYSTEM = { userId: 'system', role: 'ops' } as const;

/**
 * GEN-01 (§9(10)): the batch-record workflow's timer ran out before the in-process transfer out
 * of a step arrived. One deviation per batch and step, however often the activity is retried,
 * with its audit entry and the custody event `deviation.raised.v1`.
 */
@Injectable()
export class RaiseBatchTransferDeviationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: BatchRecordRepository,
    private readonly clock: Clock,
  ) {}

  execute(input: BatchTransferOverdueInput): Promise<BatchStepRecord> {
    const key = {
      batchNumber: input.batchNumber,
      stepId: input.fromStepId,
      rule: 'GEN-01' as const,
      message: `transfer out of ${input.fromStepId} departed at ${input.departedAt} and had not arrived by its limit ${input.dueAt}`,
    };
    const recordOf = (d: BatchStepRecord['deviations'][number]): BatchStepRecord => ({
      recordId: d.deviationId,
      summary: d.message,
      deviations: [d],
      labels: [],
    });
    return this.dataSource.transaction(async (manager) => {
      const batch = await this.records.batchForUpdate(manager, input.batchNumber);
      if (!batch || batch.donorCode !== input.donorCode)
        throw new DomainError(
          'NOT_FOUND',
          `no batch ${input.batchNumber} for donor code ${input.donorCode}`,
        );
      const eventId = `transfer-overdue/${batch.batchNumber}/${input.fromStepId}`;
      const [raised] = await this.records.deviationsOfEvent(manager, eventId);
      if (raised) return recordOf(raised);
      const deviationId = randomUUID();
      const [deviation] = await this.records.raiseDeviations(
        manager,
        {
          eventId,
          batchNumber: batch.batchNumber,
          donorCode: batch.donorCode,
          raisedAt: input.dueAt,
        },
        [{ ...key, deviationId }],
      );
      await writeAudit(manager, 'production', {
        recordType: 'batch-deviation',
        recordId: deviationId,
        journeyId: batch.journeyId,
        action: 'create',
        actor: SYSTEM,
        newValue: { ...deviation, ...input },
      });
      await appendToOutbox(manager, {
        topic: TOPICS.production,
        aggregateType: 'journey',
        aggregateId: batch.donorCode,
        messageType: 'deviation.raised.v1',
        producer: 'production',
        causationId: deviationId,
        journeyId: batch.journeyId,
        // When it was raised; when the limit ran out is the deviation's `raisedAt`.
        occurredAt: this.clock.now(),
        payload: {
          donorCode: batch.donorCode,
          journeyId: batch.journeyId,
          actor: SYSTEM,
          recordId: deviationId,
          summary: key.message,
          detail: { ...deviation, batchNumber: batch.batchNumber },
        },
      });
      return recordOf(deviation);
    });
  }
}
