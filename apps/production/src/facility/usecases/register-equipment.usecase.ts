import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { RegisterEquipmentCommand } from '@v2v/contracts';
import type { Equipment } from '../facility';
import { requireEquipmentShape } from '../facility-register-rules';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { equipmentRecord } from './record-views';
import {
  codeTaken,
  RECORD_TYPES,
  registerInTransaction,
  unknownReference,
} from './register-writes';

/**
 * Equipment enters the register in a room in use, described as its class needs: an isolator or
 * closed system with its integrity-check interval (FAC-01), an incubator shared or in
 * compartments (§9(5)6). It has no passed check yet, so FAC-01 refuses it until one is recorded.
 */
@Injectable()
export class RegisterEquipmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(command: RegisterEquipmentCommand): Promise<Equipment> {
    requireEquipmentShape(command);
    const taken = () => codeTaken('equipment', 'equipmentCode', command.equipmentCode);
    return registerInTransaction(this.dataSource, taken, async (manager) => {
      const room = await this.facility.room(manager, command.roomCode);
      if (!room?.active)
        throw unknownReference('roomCode', 'room', command.roomCode, room !== undefined);
      if (await this.facility.equipment(manager, command.equipmentCode)) throw taken();
      await this.register.insert(manager, 'equipment', {
        equipment_code: command.equipmentCode,
        room_code: command.roomCode,
        name: command.name,
        equipment_class: command.equipmentClass,
        integrity_check_interval_days: command.integrityCheckIntervalDays ?? null,
        incubator_separation: command.incubatorSeparation ?? null,
        compartments: command.compartments ?? null,
        created_by: command.by.userId,
      });
      const equipment = (await this.facility.equipment(
        manager,
        command.equipmentCode,
      )) as Equipment;
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.equipment,
        recordId: equipment.equipmentCode,
        action: 'create',
        actor: command.by,
        newValue: equipmentRecord(equipment),
      });
      return equipment;
    });
  }
}
