import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type PublishProcessDefinitionCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { FacilityRepository } from '../../facility/facility.repository';
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
    private readonly facility: FacilityRepository,
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
        await this.requireLinesOnRegister(manager, content.lineCodes ?? []);
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

  /** The lines a process is validated on are lines of the facility register. */
  private async requireLinesOnRegister(manager: EntityManager, lineCodes: string[]) {
    const unknown: Array<{ index: number; lineCode: string }> = [];
    for (const [index, lineCode] of lineCodes.entries())
      if (!(await this.facility.line(manager, lineCode))) unknown.push({ index, lineCode });
    if (unknown.length)
      throw new DomainError(
        'VALIDATION_FAILED',
        `the process names lines that are not on the facility register: ${unknown.map((u) => u.lineCode).join(', ')}`,
        {
          fieldErrors: unknown.map((u) => ({
            path: `content.lineCodes.${u.index}`,
            message: 'not on the register',
          })),
        },
      );
  }
}
