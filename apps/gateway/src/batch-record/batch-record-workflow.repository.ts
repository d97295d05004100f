import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  BatchRecordView,
  batchRecordViewQuery,
  batchRecordWorkflowId,
  BatchStepCommand,
} from '@v2v/contracts';
import { TemporalClientPort } from '@v2v/service-kit';
import { executeStepUpdate } from '@v2v/temporal';
import { toDomainError } from '../journeys/temporal-errors';

/**
 * Batch records as Temporal keeps them (the journey's child `batch-<batch number>`): what the
 * gateway asks and sends, its failures translated as the journey's are.
 */
@Injectable()
export class BatchRecordWorkflowRepository {
  constructor(private readonly temporal: TemporalClientPort) {}

  async view(batchNumber: string, donorCode: string): Promise<BatchRecordView> {
    try {
      return await (await this.handle(batchNumber)).query(batchRecordViewQuery);
    } catch (error) {
      throw toDomainError(error, donorCode);
    }
  }

  /** Sends a validated start or completion; the command's event id is the update id. */
  async update<P>(
    definition: UpdateDefinition<BatchRecordView, [BatchStepCommand<P>]>,
    batchNumber: string,
    donorCode: string,
    command: BatchStepCommand<P>,
  ): Promise<BatchRecordView> {
    try {
      return await executeStepUpdate(
        await this.handle(batchNumber),
        definition,
        [command],
        command.eventId,
      );
    } catch (error) {
      throw toDomainError(error, donorCode);
    }
  }

  private async handle(batchNumber: string) {
    return (await this.temporal.client()).workflow.getHandle(batchRecordWorkflowId(batchNumber));
  }
}
