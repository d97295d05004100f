import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { ChangeEquipmentCommand } from '@v2v/contracts';
import type { Equipment } from '../facility';
import { requireEquipmentShape, requireSomeChange } from '../facility-register-rules';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { equipmentRecord } from './record-views';
import { notOnRegister, RECORD_TYPES } from './register-writes';

/**
 * Equipment's name or integrity-check interval changes, or it is taken out of use (active
 * false) or back, with its reason (CSV-01).
 */
@Injectable()
export class ChangeEquipmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(equipmentCode: string, command: ChangeEquipmentCommand): Promise<Equipment> {
    requireSomeChange(command, `equipment ${equipmentCode}`);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.register.lock(manager, 'equipment', equipmentCode)))
        throw notOnRegister('equipment', equipmentCode);
      const before = (await this.facility.equipment(manager, equipmentCode)) as Equipment;
      const after: Equipment = {
        ...before,
        name: command.name ?? before.name,
        integrityCheckIntervalDays:
          command.integrityCheckIntervalDays ?? before.integrityCheckIntervalDays,
        active: command.active ?? before.active,
      };
      requireEquipmentShape(after);
      await this.register.update(manager, 'equipment', equipmentCode, {
        name: after.name,
        integrity_check_interval_days: after.integrityCheckIntervalDays,
        active: after.active,
      });
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.equipment,
        recordId: equipmentCode,
        action: 'update',
        actor: command.by,
        reason: command.reason,
        oldValue: equipmentRecord(before),
        newValue: equipmentRecord(after),
      });
      return after;
    });
  }
}
