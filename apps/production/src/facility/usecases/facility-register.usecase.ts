import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@v2v/service-kit';
import type { Equipment } from '../facility';
import { integrityCheckStatus } from '../facility-rules';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { equipmentRecord, roomRecord } from './record-views';
import { notOnRegister } from './register-writes';

/** Equipment with its FAC-01 standing now: status, due date, last pass and last failure. */
const withStanding = (equipment: Equipment, now: Date) => ({
  ...equipmentRecord(equipment),
  integrityCheck: {
    ...integrityCheckStatus(equipment, now),
    lastPassedAt: equipment.lastPassedIntegrityCheckAt,
    lastFailedAt: equipment.lastIntegrityCheckFailedAt,
  },
});

/**
 * The facility register as the roles that work in it read it: areas with their rooms and the
 * rooms' equipment with its FAC-01 standing at the server's time, then lines and shifts.
 */
@Injectable()
export class FacilityRegisterUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
    private readonly clock: Clock,
  ) {}

  async view(now = this.clock.now()) {
    const all = await this.facility.everything(this.dataSource.manager);
    return {
      at: now.toISOString(),
      areas: all.areas.map((area) => ({
        ...area,
        rooms: all.rooms
          .filter((r) => r.areaCode === area.areaCode)
          .map((room) => ({
            ...roomRecord(room),
            equipment: all.equipment
              .filter((e) => e.roomCode === room.roomCode)
              .map((e) => withStanding(e, now)),
          })),
        lines: all.lines.filter((l) => l.areaCode === area.areaCode),
      })),
      shifts: all.shifts,
    };
  }

  /** One piece of equipment with its standing and every integrity check, the latest first. */
  async equipment(equipmentCode: string, now = this.clock.now()) {
    const manager = this.dataSource.manager;
    const equipment = await this.facility.equipment(manager, equipmentCode);
    if (!equipment) throw notOnRegister('equipment', equipmentCode);
    return {
      ...withStanding(equipment, now),
      integrityChecks: await this.register.integrityChecksOf(manager, equipmentCode),
    };
  }
}
