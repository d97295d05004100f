import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type BatchProcess, DomainError } from '@v2v/contracts';
import { ProcessRepository } from '../../processes/process.repository';

/**
 * PRD-01, PRD-03: the published definition of the journey's specification version, the one a
 * batch of it is started on (one process version per specification version).
 */
@Injectable()
export class GetBatchProcessUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processes: ProcessRepository,
  ) {}

  async execute(input: {
    productCode: string;
    specificationVersion: number;
  }): Promise<BatchProcess> {
    const definition = await this.processes.definitionOfSpecification(
      this.dataSource.manager,
      input.productCode,
      input.specificationVersion,
    );
    if (!definition)
      throw new DomainError(
        'PRD-03',
        `${input.productCode} specification v${input.specificationVersion} has no published process definition (PRD-03)`,
      );
    return {
      productCode: definition.productCode,
      processVersion: definition.processVersion,
      specificationVersion: definition.specificationVersion,
      content: definition.content,
    };
  }
}
