import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type PublishProcessDefinitionCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import type { ProcessDefinition } from '../process';
import { requireCellCountParameter, requireStepGradesFitOperation } from '../process-rules';
import { ProcessRepository } from '../process.repository';

/**
 * PRD-01, FAC-02: the production manager publishes the process definition of one version of
 * a product's specification: the next process version of the product, immutable from then on,
 * with its audit entry. The event id makes a repeat return the first publication.
 */
@Injectable()
export class PublishProcessDefinitionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processes: ProcessRepository,
  ) {}

  async execute(
    productCode: string,
    command: PublishProcessDefinitionCommand,
  ): Promise<ProcessDefinition> {
    const { content, specificationVersion, eventId, publishedBy } = command;
    requireStepGradesFitOperation(content);
    const cellCountParameter = requireCellCountParameter(content);
    const taken = (processVersion: number) =>
      new DomainError(
        'VALIDATION_FAILED',
        `specification ${productCode} v${specificationVersion} already has process version ${processVersion}; publish a new specification version for a changed process`,
        { fieldErrors: [{ path: 'specificationVersion', message: 'already has a process' }] },
      );
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repeat = await this.processes.definitionByEvent(manager, eventId);
        if (repeat) {
          if (repeat.productCode !== productCode)
            throw new DomainError(
              'IDEMPOTENCY_CONFLICT',
              `event id ${eventId} already published process ${repeat.productCode} v${repeat.processVersion}`,
            );
          const { eventId: _eventId, ...definition } = repeat;
          void _eventId;
          return definition;
        }
        if (!(await this.processes.specificationExists(manager, productCode, specificationVersion)))
          throw new DomainError(
            'NOT_FOUND',
            `no published specification ${productCode} v${specificationVersion}`,
          );
        await this.processes.lockProduct(manager, productCode);
        const existing = await this.processes.definitionOfSpecification(
          manager,
          productCode,
          specificationVersion,
        );
        if (existing) throw taken(existing.processVersion);
        const definition = await this.processes.insertDefinition(manager, {
          productCode,
          specificationVersion,
          content,
          cellCountParameter,
          eventId,
          publishedBy: publishedBy.userId,
        });
        await writeAudit(manager, 'production', {
          recordType: 'process-definition',
          recordId: `${productCode}/v${definition.processVersion}`,
          action: 'create',
          actor: publishedBy,
          newValue: definition,
        });
        return definition;
      });
    } catch (error) {
      // Two publications for one specification version at once: the second loses on the key.
      if (uniqueViolationConstraint(error) !== undefined) throw taken(0);
      throw error;
    }
  }
}
