import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  areaChangeSchema as areaChangeBody,
  areaRegistrationSchema as areaBody,
  equipmentChangeSchema as equipmentChangeBody,
  equipmentRegistrationSchema as equipmentBody,
  integrityCheckSchema as integrityCheckBody,
  lineRegistrationSchema as lineBody,
  roomChangeSchema as roomChangeBody,
  roomRegistrationSchema as roomBody,
  shiftRegistrationSchema as shiftBody,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { FacilityService } from './facility.service';

/** Who reads the register: the production manager and those who work in or check the floor. */
const READERS = ['production-manager', 'operator', 'qa-qp', 'qc', 'ops'] as const;

/**
 * The facility register (§6, FAC-01, FAC-02): areas, rooms, equipment, lines and shifts, kept
 * by the production manager with every change audited (a change with its reason, CSV-01), and
 * the integrity checks of isolators and closed systems. Each method only translates HTTP.
 */
@ApiTags('facility')
@ApiBearerAuth()
@Controller('api')
export class FacilityController {
  constructor(
    private readonly production: ProductionClient,
    private readonly facility: FacilityService,
  ) {}

  @Get('facility')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'The facility register: areas with their rooms and equipment, each isolator and closed system with its FAC-01 standing (current, overdue, failed, never-checked) and due date; lines and shifts. Roles: production-manager, operator, qa-qp, qc, ops.',
  })
  register() {
    return this.production.facility();
  }

  @Post('facility/areas')
  @PerformsOperation('manageFacility')
  @HttpCode(201)
  @Roles('production-manager')
  @ApiOperation({
    summary:
      'Register a production area with its purpose, air-handling system and pressure; a vector or positive-material area needs a system of its own and a positive-material area negative pressure (AREA_SEPARATION). Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(areaBody) })
  registerArea(
    @Body(new ZodBodyPipe(areaBody)) body: z.infer<typeof areaBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.register('areas', body, user);
  }

  @Post('facility/areas/:areaCode/changes')
  @PerformsOperation('manageFacility')
  @HttpCode(200)
  @Roles('production-manager')
  @ApiOperation({
    summary:
      "Change an area's name, pressure regime or use, with the reason (CSV-01). Roles: production-manager.",
  })
  @ApiBody({ schema: openApiSchema(areaChangeBody) })
  changeArea(
    @Param('areaCode') areaCode: string,
    @Body(new ZodBodyPipe(areaChangeBody)) body: z.infer<typeof areaChangeBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.change('areas', areaCode, body, user);
  }

  @Post('facility/rooms')
  @PerformsOperation('manageFacility')
  @HttpCode(201)
  @Roles('production-manager')
  @ApiOperation({
    summary:
      'Register a room of an area with its cleanroom grade (FAC-02). Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(roomBody) })
  registerRoom(
    @Body(new ZodBodyPipe(roomBody)) body: z.infer<typeof roomBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.register('rooms', body, user);
  }

  @Post('facility/rooms/:roomCode/changes')
  @PerformsOperation('manageFacility')
  @HttpCode(200)
  @Roles('production-manager')
  @ApiOperation({
    summary:
      "Change a room's name, grade or use, with the reason (CSV-01). Roles: production-manager.",
  })
  @ApiBody({ schema: openApiSchema(roomChangeBody) })
  changeRoom(
    @Param('roomCode') roomCode: string,
    @Body(new ZodBodyPipe(roomChangeBody)) body: z.infer<typeof roomChangeBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.change('rooms', roomCode, body, user);
  }

  @Post('facility/equipment')
  @PerformsOperation('manageFacility')
  @HttpCode(201)
  @Roles('production-manager')
  @ApiOperation({
    summary:
      'Register equipment in a room: an isolator or closed system with its integrity-check interval (FAC-01), an incubator shared or in compartments. Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(equipmentBody) })
  registerEquipment(
    @Body(new ZodBodyPipe(equipmentBody)) body: z.infer<typeof equipmentBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.register('equipment', body, user);
  }

  @Post('facility/equipment/:equipmentCode/changes')
  @PerformsOperation('manageFacility')
  @HttpCode(200)
  @Roles('production-manager')
  @ApiOperation({
    summary:
      "Change equipment's name or integrity-check interval, or take it out of use, with the reason (CSV-01). Roles: production-manager.",
  })
  @ApiBody({ schema: openApiSchema(equipmentChangeBody) })
  changeEquipment(
    @Param('equipmentCode') equipmentCode: string,
    @Body(new ZodBodyPipe(equipmentChangeBody)) body: z.infer<typeof equipmentChangeBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.change('equipment', equipmentCode, body, user);
  }

  @Post('facility/lines')
  @PerformsOperation('manageFacility')
  @HttpCode(201)
  @Roles('production-manager')
  @ApiOperation({
    summary: 'Register a production line of an area (PRD-02). Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(lineBody) })
  registerLine(
    @Body(new ZodBodyPipe(lineBody)) body: z.infer<typeof lineBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.register('lines', body, user);
  }

  @Post('facility/shifts')
  @PerformsOperation('manageFacility')
  @HttpCode(201)
  @Roles('production-manager')
  @ApiOperation({
    summary: 'Register a shift, HH:MM to HH:MM (PRD-02). Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(shiftBody) })
  registerShift(
    @Body(new ZodBodyPipe(shiftBody)) body: z.infer<typeof shiftBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.facility.register('shifts', body, user);
  }

  @Get('equipment/:equipmentCode')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'One piece of equipment with its FAC-01 standing and every integrity check, the latest first. Roles: production-manager, operator, qa-qp, qc, ops.',
  })
  equipment(@Param('equipmentCode') equipmentCode: string) {
    return this.production.equipment(equipmentCode);
  }

  @Post('equipment/:equipmentCode/integrity-checks')
  @PerformsOperation('recordIntegrityCheck')
  @HttpCode(201)
  @Roles('operator', 'production-manager')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Record an integrity check of an isolator or closed system (FAC-01), append-only; a failed check takes it out of use until a later pass. The Idempotency-Key is the event id. Roles: operator, production-manager.',
  })
  @ApiBody({ schema: openApiSchema(integrityCheckBody) })
  recordIntegrityCheck(
    @Param('equipmentCode') equipmentCode: string,
    @Body(new ZodBodyPipe(integrityCheckBody)) body: z.infer<typeof integrityCheckBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.facility.recordIntegrityCheck(equipmentCode, body, user, idempotency);
  }
}
