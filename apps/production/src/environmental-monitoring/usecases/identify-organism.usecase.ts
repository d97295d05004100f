import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DomainError, type IdentifyOrganismCommand } from '@v2v/contracts';
import { IdGenerator } from '@v2v/service-kit';
import { requireOrganismIdentifiable } from '../em-rules';
import type { EmExcursion } from '../environmental-monitoring';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring.repository';
import { ExcursionView, excursionView } from './em-views';

export { identifyOrganismCommandSchema, type IdentifyOrganismCommand } from '@v2v/contracts';

/** Loads an excursion or refuses with NOT_FOUND. */
export async function excursionOrRefuse(
  repository: EnvironmentalMonitoringRepository,
  manager: EntityManager,
  excursionId: string,
): Promise<EmExcursion> {
  const excursion = await repository.excursion(manager, excursionId);
  if (!excursion) throw new DomainError('NOT_FOUND', `no excursion ${excursionId}`);
  return excursion;
}

/**
 * PRD-05 (§9(6)): QC records the organism found on a microbial excursion, once, with the
 * method; the identification and its audit entry commit together, once per event id.
 */
@Injectable()
export class IdentifyOrganismUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EnvironmentalMonitoringRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(excursionId: string, command: IdentifyOrganismCommand): Promise<ExcursionView> {
    const repeat = await this.repository.excursionIdOfFollowUp(command.eventId);
    if (repeat && repeat !== excursionId)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${command.eventId} was already used for excursion ${repeat}`,
      );
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockExcursion(manager, excursionId);
      if (repeat)
        return excursionView(await excursionOrRefuse(this.repository, manager, excursionId));
      const excursion = await excursionOrRefuse(this.repository, manager, excursionId);
      requireOrganismIdentifiable(excursion);
      const identification = {
        identificationId: this.ids.newId(),
        eventId: command.eventId,
        excursionId,
        genus: command.genus,
        species: command.species ?? null,
        method: command.method,
        identifiedBy: command.identifiedBy,
      };
      await this.repository.insertIdentification(manager, identification);
      await writeAudit(manager, 'production', {
        recordType: 'em-organism-identification',
        recordId: identification.identificationId,
        action: 'create',
        actor: command.identifiedBy,
        newValue: identification,
      });
      return excursionView(await excursionOrRefuse(this.repository, manager, excursionId));
    });
  }
}
