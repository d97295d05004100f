import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  type ManufacturingSlot,
  type ManufacturingSlotHoldRequest,
  type ProductSpecification,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { ProcessRepository } from '../../processes/process.repository';
import { ProductSpecificationRepository } from '../../specifications/product-specification.repository';
import { ManufacturingSlotRepository } from '../manufacturing-slot.repository';
import { auditSlot } from '../slot-audit';
import {
  addDays,
  earliestFreeStartAfter,
  eligibleLines,
  findSlot,
  FloorOccupancy,
  manufacturingWindow,
  materialAreaPurpose,
  noManufacturingSlot,
  plannedShipmentOn,
  requireStartInWindow,
  SEARCH_AFTER_WINDOW_DAYS,
  slotDurationDays,
} from '../slot-rules';

/**
 * The first phase of a booking, before the step that needs it: a line of an area that may hold
 * the material is reserved for the days the journey's process plans, within the window its
 * material allows, under the line's capacity and the process's validated worst case of
 * concurrent lines per area (PRD-04). The event id makes a retry answer the same slot.
 */
@Injectable()
export class HoldManufacturingSlotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: ManufacturingSlotRepository,
    private readonly processes: ProcessRepository,
    private readonly specifications: ProductSpecificationRepository,
  ) {}

  async execute(input: ManufacturingSlotHoldRequest): Promise<ManufacturingSlot> {
    // Read before the transaction, which must not wait for a second pooled connection.
    const specification = await this.specifications.find(
      input.productCode,
      input.specificationVersion,
    );
    const hold = (manager: EntityManager) => this.hold(manager, input, specification);
    try {
      return await this.dataSource.transaction(hold);
    } catch (error) {
      // The same hold retried while the first was being written: the first one's slot.
      if (uniqueViolationConstraint(error) === 'UQ_manufacturing_slot_event')
        return this.dataSource.transaction(hold);
      throw error;
    }
  }

  private async hold(
    manager: EntityManager,
    input: ManufacturingSlotHoldRequest,
    specification: ProductSpecification,
  ): Promise<ManufacturingSlot> {
    const repeat = await this.slots.byEvent(manager, input.eventId);
    if (repeat) {
      if (repeat.donorCode !== input.donorCode)
        throw new DomainError(
          'IDEMPOTENCY_CONFLICT',
          `event id ${input.eventId} already holds a slot of another journey`,
        );
      return repeat;
    }
    const { productCode, specificationVersion } = input;
    const process = await this.processes.definitionOfSpecification(
      manager,
      productCode,
      specificationVersion,
    );
    if (!process)
      throw new DomainError(
        'PRD-03',
        `${productCode} specification v${specificationVersion} has no published process definition to plan a manufacturing slot on (PRD-03)`,
        { productCode, specificationVersion },
      );
    const validation = await this.processes.latestValidation(
      manager,
      productCode,
      process.processVersion,
    );
    const window = manufacturingWindow({
      collectionDate: input.collectionDate,
      occurredAt: input.occurredAt,
      donorMaterialShelfLifeHours: specification.donorMaterialShelfLifeHours,
    });
    if (input.preferredStartOn !== undefined) requireStartInWindow(input.preferredStartOn, window);
    const durationDays = slotDurationDays(process.content.steps);
    const lines = eligibleLines(await this.slots.lines(manager), process.content.lineCodes, [
      materialAreaPurpose(input.knownPositiveMarkers),
    ]);
    const areaCodes = lines.map((l) => l.areaCode);
    await this.slots.lockAreas(manager, areaCodes);
    const horizon = addDays(window.to, SEARCH_AFTER_WINDOW_DAYS + durationDays + 1);
    const search = {
      lines,
      occupancy: new FloorOccupancy(
        await this.slots.occupancy(manager, areaCodes, window.from, horizon),
      ),
      window,
      durationDays,
      maxConcurrentLinesInArea: validation?.worstCase?.maxConcurrentLinesInArea ?? null,
      preferredStartOn: input.preferredStartOn,
    };
    const found = findSlot(search);
    if (!found) throw noManufacturingSlot(search, earliestFreeStartAfter(search));
    const endsOn = addDays(found.startsOn, durationDays);
    const slot = await this.slots.insert(manager, {
      slotId: randomUUID(),
      eventId: input.eventId,
      journeyId: input.journeyId,
      donorCode: input.donorCode,
      productCode,
      processVersion: process.processVersion,
      lineCode: found.line.lineCode,
      areaCode: found.line.areaCode,
      startsOn: found.startsOn,
      endsOn,
      plannedShipmentOn: plannedShipmentOn(endsOn, process.content.releaseTestingDays),
      reason: input.reason,
      requestedBy: input.actor,
      requestedAt: input.occurredAt,
    });
    await auditSlot(manager, input.actor, slot);
    return slot;
  }
}
