import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type BatchStepActivityInput, DomainError, type ProcessStep } from '@v2v/contracts';
import type { ProcessDefinition } from '../../processes/process';
import { ProcessRepository } from '../../processes/process.repository';
import type { BatchStepRow, BatchUnderWay } from '../batch-record';
import { BatchRecordRepository } from '../batch-record.repository';

/** The batch a step belongs to, its definition, the step and what the batch record holds. */
export interface BatchStepContextView {
  batch: BatchUnderWay & { processVersion: number };
  definition: ProcessDefinition;
  /** The step at the requested index, if the definition has one. */
  step: ProcessStep | undefined;
  recorded: BatchStepRow[];
}

/**
 * Reads, under the batch's lock, what a step's start or completion is judged against: the
 * batch in production for the journey's donor code, on the process version recorded at its
 * start (PRD-03), with its definition and its rows so far.
 */
@Injectable()
export class BatchStepContext {
  constructor(
    private readonly records: BatchRecordRepository,
    private readonly processes: ProcessRepository,
  ) {}

  async load(
    manager: EntityManager,
    input: BatchStepActivityInput<unknown>,
  ): Promise<BatchStepContextView> {
    const batch = await this.records.batchForUpdate(manager, input.batchNumber);
    if (!batch || batch.donorCode !== input.donorCode || batch.status !== 'in-production')
      throw new DomainError(
        'NOT_FOUND',
        `no batch ${input.batchNumber} in production for donor code ${input.donorCode}`,
      );
    if (batch.processVersion === null || batch.processVersion !== input.processVersion)
      throw new DomainError(
        'PRD-03',
        `batch ${batch.batchNumber} runs on process v${batch.processVersion ?? '(none recorded)'}, not v${input.processVersion} (PRD-03)`,
      );
    const definition = await this.processes.definition(
      manager,
      batch.productCode,
      batch.processVersion,
    );
    if (!definition)
      throw new DomainError(
        'PRD-03',
        `process ${batch.productCode} v${batch.processVersion} is not published (PRD-03)`,
      );
    return {
      batch: { ...batch, processVersion: batch.processVersion },
      definition,
      step: definition.content.steps[input.stepIndex],
      recorded: await this.records.steps(manager, batch.batchNumber),
    };
  }
}
