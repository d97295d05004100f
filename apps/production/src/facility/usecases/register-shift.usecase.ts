import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DomainError, type RegisterShiftCommand } from '@v2v/contracts';
import type { ProductionShift } from '../facility';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { codeTaken, RECORD_TYPES, registerInTransaction } from './register-writes';

/** A shift (`HH:MM` to `HH:MM`, a night shift ending the next day); media fills are per shift. */
@Injectable()
export class RegisterShiftUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(command: RegisterShiftCommand): Promise<ProductionShift> {
    if (command.startsAt === command.endsAt)
      throw new DomainError('VALIDATION_FAILED', `a shift cannot end when it starts`, {
        fieldErrors: [{ path: 'endsAt', message: 'equals startsAt' }],
      });
    const taken = () => codeTaken('shift', 'shiftCode', command.shiftCode);
    return registerInTransaction(this.dataSource, taken, async (manager) => {
      if (await this.facility.shift(manager, command.shiftCode)) throw taken();
      await this.register.insert(manager, 'shift', {
        shift_code: command.shiftCode,
        name: command.name,
        starts_at: command.startsAt,
        ends_at: command.endsAt,
        created_by: command.by.userId,
      });
      const shift = (await this.facility.shift(manager, command.shiftCode)) as ProductionShift;
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.shift,
        recordId: shift.shiftCode,
        action: 'create',
        actor: command.by,
        newValue: shift,
      });
      return shift;
    });
  }
}
