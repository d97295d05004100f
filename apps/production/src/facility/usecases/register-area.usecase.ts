import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { RegisterAreaCommand } from '@v2v/contracts';
import type { ProductionArea } from '../facility';
import { requireAreaSeparation, requirePressureForPurpose } from '../facility-register-rules';
import { FacilityRegisterRepository } from '../facility-register.repository';
import { FacilityRepository } from '../facility.repository';
import { codeTaken, RECORD_TYPES, registerInTransaction } from './register-writes';

/**
 * A production area enters the register with its purpose, air-handling system and pressure;
 * §6(1)–(2) are checked under a lock on the air-handling system (AREA_SEPARATION).
 */
@Injectable()
export class RegisterAreaUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly facility: FacilityRepository,
    private readonly register: FacilityRegisterRepository,
  ) {}

  async execute(command: RegisterAreaCommand): Promise<ProductionArea> {
    requirePressureForPurpose(command.areaCode, command.purpose, command.pressureRegime);
    const taken = () => codeTaken('area', 'areaCode', command.areaCode);
    return registerInTransaction(this.dataSource, taken, async (manager) => {
      const sharing = await this.facility.areasOnAirHandlingSystem(
        manager,
        command.airHandlingSystem,
      );
      if (await this.facility.area(manager, command.areaCode)) throw taken();
      requireAreaSeparation(command, sharing);
      await this.register.insert(manager, 'area', {
        area_code: command.areaCode,
        name: command.name,
        purpose: command.purpose,
        air_handling_system: command.airHandlingSystem,
        pressure_regime: command.pressureRegime,
        created_by: command.by.userId,
      });
      const area = (await this.facility.area(manager, command.areaCode)) as ProductionArea;
      await writeAudit(manager, 'production', {
        recordType: RECORD_TYPES.area,
        recordId: area.areaCode,
        action: 'create',
        actor: command.by,
        newValue: area,
      });
      return area;
    });
  }
}
