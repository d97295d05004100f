import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { type BatchKind, DomainError } from '@v2v/contracts';
import type { ProcessDefinition, ProcessValidation } from '../process';
import { requireValidatedProcess, type ValidationStanding } from '../process-rules';
import { ProcessRepository } from '../process.repository';

/**
 * PRD-03 for other use cases (the calendar, the batch record), inside their transaction: the
 * process version with its current validation, refused unless the batch may run on it.
 */
@Injectable()
export class ProcessValidationStanding {
  constructor(private readonly processes: ProcessRepository) {}

  async require(
    manager: EntityManager,
    productCode: string,
    processVersion: number,
    batchKind: BatchKind,
  ): Promise<{
    definition: ProcessDefinition;
    validation: ProcessValidation | null;
    standing: ValidationStanding;
  }> {
    const definition = await this.processes.definition(manager, productCode, processVersion);
    if (!definition)
      throw new DomainError('NOT_FOUND', `no process ${productCode} v${processVersion}`);
    const validation = await this.processes.latestValidation(manager, productCode, processVersion);
    const standing = requireValidatedProcess(validation, batchKind, {
      productCode,
      processVersion,
    });
    return { definition, validation, standing };
  }
}
