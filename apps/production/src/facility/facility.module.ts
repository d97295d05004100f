import { Module } from '@nestjs/common';
import { FacilityController } from './facility.controller';
import { FacilityRegisterRepository } from './facility-register.repository';
import { FacilityRepository } from './facility.repository';
import { ChangeAreaUseCase } from './usecases/change-area.usecase';
import { ChangeEquipmentUseCase } from './usecases/change-equipment.usecase';
import { ChangeRoomUseCase } from './usecases/change-room.usecase';
import { FacilityRegisterUseCase } from './usecases/facility-register.usecase';
import { RecordIntegrityCheckUseCase } from './usecases/record-integrity-check.usecase';
import { RegisterAreaUseCase } from './usecases/register-area.usecase';
import { RegisterEquipmentUseCase } from './usecases/register-equipment.usecase';
import { RegisterLineUseCase } from './usecases/register-line.usecase';
import { RegisterRoomUseCase } from './usecases/register-room.usecase';
import { RegisterShiftUseCase } from './usecases/register-shift.usecase';

/**
 * The facility register (§6, FAC-01, FAC-02): areas, rooms, equipment, lines and shifts, each
 * change audited, and the integrity checks. `FacilityRepository` is exported for the use cases
 * of other features that rest on the register (media fills, the calendar, batch records).
 */
@Module({
  controllers: [FacilityController],
  providers: [
    FacilityRepository,
    FacilityRegisterRepository,
    FacilityRegisterUseCase,
    RegisterAreaUseCase,
    ChangeAreaUseCase,
    RegisterRoomUseCase,
    ChangeRoomUseCase,
    RegisterEquipmentUseCase,
    ChangeEquipmentUseCase,
    RegisterLineUseCase,
    RegisterShiftUseCase,
    RecordIntegrityCheckUseCase,
  ],
  exports: [FacilityRepository],
})
export class FacilityModule {}
