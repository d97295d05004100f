import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { ChangeRoomCommand } from '@v2v/contracts';
import type { Room } from '../facility';
import { requireSomeChange } from '../facility-register-rules';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { notOnRegister, RECORD_TYPES } from './register-writes';
import { roomRecord } from './record-views';

/**
 * A room's name, grade (e.g. after requalification) or use changes, with its reason (CSV-01);
 * steps booked later are checked against the new grade (FAC-02).
 */
@Injectable()
export class ChangeRoomUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(roomCode: string, command: ChangeRoomCommand): Promise<Room> {
    requireSomeChange(command, `room ${roomCode}`);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.register.lock(manager, 'room', roomCode)))
        throw notOnRegister('room', roomCode);
      const before = (await this.facility.room(manager, roomCode)) as Room;
      const after: Room = {
        ...before,
        name: command.name ?? before.name,
        grade: command.grade ?? before.grade,
        active: command.active ?? before.active,
      };
      await this.register.update(manager, 'room', roomCode, {
        name: after.name,
        grade: after.grade,
        active: after.active,
      });
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.room,
        recordId: roomCode,
        action: 'update',
        actor: command.by,
        reason: command.reason,
        oldValue: roomRecord(before),
        newValue: roomRecord(after),
      });
      return after;
    });
  }
}
