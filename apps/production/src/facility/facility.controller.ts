import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type ChangeAreaCommand,
  changeAreaCommandSchema,
  type ChangeEquipmentCommand,
  changeEquipmentCommandSchema,
  type ChangeRoomCommand,
  changeRoomCommandSchema,
  type RecordIntegrityCheckCommand,
  recordIntegrityCheckCommandSchema,
  type RegisterAreaCommand,
  registerAreaCommandSchema,
  type RegisterEquipmentCommand,
  registerEquipmentCommandSchema,
  type RegisterLineCommand,
  registerLineCommandSchema,
  type RegisterRoomCommand,
  registerRoomCommandSchema,
  type RegisterShiftCommand,
  registerShiftCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
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

/** Internal API of the facility register (§6, FAC-01); the gateway exposes it with roles. */
@Controller('internal')
export class FacilityController {
  constructor(
    private readonly register: FacilityRegisterUseCase,
    private readonly registerArea: RegisterAreaUseCase,
    private readonly changeArea: ChangeAreaUseCase,
    private readonly registerRoom: RegisterRoomUseCase,
    private readonly changeRoom: ChangeRoomUseCase,
    private readonly registerEquipment: RegisterEquipmentUseCase,
    private readonly changeEquipment: ChangeEquipmentUseCase,
    private readonly registerLine: RegisterLineUseCase,
    private readonly registerShift: RegisterShiftUseCase,
    private readonly recordCheck: RecordIntegrityCheckUseCase,
  ) {}

  @Get('facility')
  facility() {
    return this.register.view();
  }

  @Post('facility/areas')
  @HttpCode(201)
  area(@Body(new ZodBodyPipe(registerAreaCommandSchema)) command: RegisterAreaCommand) {
    return this.registerArea.execute(command);
  }

  @Post('facility/areas/:areaCode/changes')
  @HttpCode(200)
  areaChange(
    @Param('areaCode') areaCode: string,
    @Body(new ZodBodyPipe(changeAreaCommandSchema)) command: ChangeAreaCommand,
  ) {
    return this.changeArea.execute(areaCode, command);
  }

  @Post('facility/rooms')
  @HttpCode(201)
  room(@Body(new ZodBodyPipe(registerRoomCommandSchema)) command: RegisterRoomCommand) {
    return this.registerRoom.execute(command);
  }

  @Post('facility/rooms/:roomCode/changes')
  @HttpCode(200)
  roomChange(
    @Param('roomCode') roomCode: string,
    @Body(new ZodBodyPipe(changeRoomCommandSchema)) command: ChangeRoomCommand,
  ) {
    return this.changeRoom.execute(roomCode, command);
  }

  @Post('facility/equipment')
  @HttpCode(201)
  equipment(
    @Body(new ZodBodyPipe(registerEquipmentCommandSchema)) command: RegisterEquipmentCommand,
  ) {
    return this.registerEquipment.execute(command);
  }

  @Post('facility/equipment/:equipmentCode/changes')
  @HttpCode(200)
  equipmentChange(
    @Param('equipmentCode') equipmentCode: string,
    @Body(new ZodBodyPipe(changeEquipmentCommandSchema)) command: ChangeEquipmentCommand,
  ) {
    return this.changeEquipment.execute(equipmentCode, command);
  }

  @Post('facility/lines')
  @HttpCode(201)
  line(@Body(new ZodBodyPipe(registerLineCommandSchema)) command: RegisterLineCommand) {
    return this.registerLine.execute(command);
  }

  @Post('facility/shifts')
  @HttpCode(201)
  shift(@Body(new ZodBodyPipe(registerShiftCommandSchema)) command: RegisterShiftCommand) {
    return this.registerShift.execute(command);
  }

  @Get('equipment/:equipmentCode')
  oneEquipment(@Param('equipmentCode') equipmentCode: string) {
    return this.register.equipment(equipmentCode);
  }

  @Post('equipment/:equipmentCode/integrity-checks')
  @HttpCode(201)
  integrityCheck(
    @Param('equipmentCode') equipmentCode: string,
    @Body(new ZodBodyPipe(recordIntegrityCheckCommandSchema)) command: RecordIntegrityCheckCommand,
  ) {
    return this.recordCheck.execute(equipmentCode, command);
  }
}
