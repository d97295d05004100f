import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { RegisterRoomCommand } from '@v2v/contracts';
import type { Room } from '../facility';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import {
  codeTaken,
  RECORD_TYPES,
  registerInTransaction,
  unknownReference,
} from './register-writes';
import { roomRecord } from './record-views';

/** A room enters the register in an area in use, with its cleanroom grade (FAC-02). */
@Injectable()
export class RegisterRoomUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(command: RegisterRoomCommand): Promise<Room> {
    const taken = () => codeTaken('room', 'roomCode', command.roomCode);
    return registerInTransaction(this.dataSource, taken, async (manager) => {
      const area = await this.facility.area(manager, command.areaCode);
      if (!area?.active)
        throw unknownReference('areaCode', 'area', command.areaCode, area !== undefined);
      if (await this.facility.room(manager, command.roomCode)) throw taken();
      await this.register.insert(manager, 'room', {
        room_code: command.roomCode,
        area_code: command.areaCode,
        name: command.name,
        grade: command.grade,
        created_by: command.by.userId,
      });
      const room = (await this.facility.room(manager, command.roomCode)) as Room;
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.room,
        recordId: room.roomCode,
        action: 'create',
        actor: command.by,
        newValue: roomRecord(room),
      });
      return room;
    });
  }
}
