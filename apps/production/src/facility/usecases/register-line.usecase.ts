import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { RegisterLineCommand } from '@v2v/contracts';
import type { ProductionLine } from '../facility';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import {
  codeTaken,
  RECORD_TYPES,
  registerInTransaction,
  unknownReference,
} from './register-writes';

/** A production line of an area in use: media fills (PRD-02) and capacity are per line. */
@Injectable()
export class RegisterLineUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(command: RegisterLineCommand): Promise<ProductionLine> {
    const taken = () => codeTaken('line', 'lineCode', command.lineCode);
    return registerInTransaction(this.dataSource, taken, async (manager) => {
      const area = await this.facility.area(manager, command.areaCode);
      if (!area?.active)
        throw unknownReference('areaCode', 'area', command.areaCode, area !== undefined);
      if (await this.facility.line(manager, command.lineCode)) throw taken();
      await this.register.insert(manager, 'line', {
        line_code: command.lineCode,
        area_code: command.areaCode,
        name: command.name,
        // Absent, the register's default: one batch at a time.
        ...(command.batchCapacity === undefined ? {} : { batch_capacity: command.batchCapacity }),
        created_by: command.by.userId,
      });
      const line = (await this.facility.line(manager, command.lineCode)) as ProductionLine;
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.line,
        recordId: line.lineCode,
        action: 'create',
        actor: command.by,
        newValue: line,
      });
      return line;
    });
  }
}
