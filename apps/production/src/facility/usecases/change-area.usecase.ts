import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { ChangeAreaCommand } from '@v2v/contracts';
import type { ProductionArea } from '../facility';
import { requirePressureForPurpose, requireSomeChange } from '../facility-register-rules';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { notOnRegister, RECORD_TYPES } from './register-writes';

/** An area's name, pressure regime or use changes, with its reason (CSV-01). */
@Injectable()
export class ChangeAreaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(areaCode: string, command: ChangeAreaCommand): Promise<ProductionArea> {
    requireSomeChange(command, `area ${areaCode}`);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.register.lock(manager, 'area', areaCode)))
        throw notOnRegister('area', areaCode);
      const before = (await this.facility.area(manager, areaCode)) as ProductionArea;
      const after: ProductionArea = {
        ...before,
        name: command.name ?? before.name,
        pressureRegime: command.pressureRegime ?? before.pressureRegime,
        active: command.active ?? before.active,
      };
      requirePressureForPurpose(areaCode, after.purpose, after.pressureRegime);
      await this.register.update(manager, 'area', areaCode, {
        name: after.name,
        pressure_regime: after.pressureRegime,
        active: after.active,
      });
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.area,
        recordId: areaCode,
        action: 'update',
        actor: command.by,
        reason: command.reason,
        oldValue: before,
        newValue: after,
      });
      return after;
    });
  }
}
