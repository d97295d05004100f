import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type RecordIntegrityCheckCommand,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { Clock, IdGenerator } from '@v2v/service-kit';
import { requireIntegrityCheckRecordable } from '../facility-register-rules';
import { FacilityRegisterRepository, IntegrityCheck } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { notOnRegister } from './register-writes';

/**
 * FAC-01: an integrity check of an isolator or closed system, recorded once (append-only) with
 * its result; a failed one takes the equipment out of use until a later check passes. The
 * event id makes a repeat of the same request return the first record.
 */
@Injectable()
export class RecordIntegrityCheckUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(
    equipmentCode: string,
    command: RecordIntegrityCheckCommand,
    now = this.clock.now(),
  ): Promise<IntegrityCheck> {
    const repeat = await this.register.integrityCheckByEvent(
      this.dataSource.manager,
      command.eventId,
    );
    if (repeat) return sameRequest(repeat, equipmentCode, command);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const equipment = await this.facility.equipment(manager, equipmentCode);
        if (!equipment) throw notOnRegister('equipment', equipmentCode);
        const registeredAt = await this.register.equipmentRegisteredAt(manager, equipmentCode);
        requireIntegrityCheckRecordable(equipment, registeredAt, new Date(command.checkedAt), now);
        const check = await this.register.insertIntegrityCheck(manager, {
          checkId: this.ids.newId(),
          eventId: command.eventId,
          equipmentCode,
          checkedAt: new Date(command.checkedAt).toISOString(),
          result: command.result,
          method: command.method,
          note: command.note ?? null,
          checkedBy: command.checkedBy.userId,
          checkedByRole: command.checkedBy.role,
        });
        await writeAudit(manager, 'production', {
          recordType: 'equipment-integrity-check',
          recordId: check.checkId,
          action: 'create',
          actor: command.checkedBy,
          newValue: check,
        });
        return check;
      });
    } catch (error) {
      const winner =
        uniqueViolationConstraint(error) !== undefined
          ? await this.register.integrityCheckByEvent(this.dataSource.manager, command.eventId)
          : undefined;
      if (winner) return sameRequest(winner, equipmentCode, command);
      throw error;
    }
  }
}

function sameRequest(
  existing: IntegrityCheck,
  equipmentCode: string,
  command: RecordIntegrityCheckCommand,
): IntegrityCheck {
  const same =
    existing.equipmentCode === equipmentCode &&
    existing.checkedAt === new Date(command.checkedAt).toISOString() &&
    existing.result === command.result &&
    existing.method === command.method;
  if (!same)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${command.eventId} was already used to record another integrity check`,
    );
  return existing;
}
