import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  type ManufacturingCapacity,
  type ManufacturingCapacityQuery,
} from '@v2v/contracts';
import { ProcessRepository } from '../../processes/process.repository';
import { ManufacturingSlotRepository } from '../manufacturing-slot.repository';
import { addDays, eligibleLines, FloorOccupancy, lineDay } from '../slot-rules';

/**
 * The scheduler's calendar of manufacturing capacity: for the product's latest process, each
 * line it may run on (for material with or without a positive marker) and each day, what the
 * line carries, what held and booked slots take and what a new batch could still take there
 * (none where the area is at its validated worst case of concurrent lines, PRD-04).
 */
@Injectable()
export class ManufacturingCapacityUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: ManufacturingSlotRepository,
    private readonly processes: ProcessRepository,
  ) {}

  async execute(query: ManufacturingCapacityQuery): Promise<ManufacturingCapacity> {
    const latest = (await this.processes.versions(query.productCode)).at(-1);
    if (!latest)
      throw new DomainError('NOT_FOUND', `no process definition of ${query.productCode}`);
    const { definition, validation } = latest;
    const maxConcurrentLinesInArea = validation?.worstCase?.maxConcurrentLinesInArea ?? null;
    const days = Array.from({ length: query.days }, (_, i) => addDays(query.from, i));
    return this.dataSource.transaction(async (manager) => {
      const lines = eligibleLines(await this.slots.lines(manager), definition.content.lineCodes, [
        'cell-product',
        'positive-material',
      ]);
      const areaCodes = [...new Set(lines.map((l) => l.areaCode))];
      const occupancy = new FloorOccupancy(
        await this.slots.occupancy(manager, areaCodes, query.from, addDays(query.from, query.days)),
      );
      return {
        productCode: query.productCode,
        processVersion: definition.processVersion,
        from: query.from,
        days: query.days,
        maxConcurrentLinesInArea,
        lines: lines.map((line) => ({
          lineCode: line.lineCode,
          areaCode: line.areaCode,
          areaPurpose: line.areaPurpose,
          days: days.map((day) => lineDay(line, day, occupancy, maxConcurrentLinesInArea)),
        })),
      };
    });
  }
}
