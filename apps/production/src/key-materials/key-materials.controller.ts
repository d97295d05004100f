import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  DomainError,
  type KeyMaterialLotDecisionCheck,
  keyMaterialLotDecisionCheckSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { KeyMaterialRepository } from './key-material.repository';
import {
  DecideKeyMaterialLotCommand,
  decideKeyMaterialLotCommandSchema,
  DecideKeyMaterialLotUseCase,
} from './usecases/decide-key-material-lot.usecase';
import { KeyMaterialGenealogyUseCase } from './usecases/key-material-genealogy.usecase';
import {
  ReceiveKeyMaterialLotCommand,
  receiveKeyMaterialLotCommandSchema,
  ReceiveKeyMaterialLotUseCase,
} from './usecases/receive-key-material-lot.usecase';
import {
  RecordConsumptionCommand,
  recordConsumptionCommandSchema,
  RecordKeyMaterialConsumptionUseCase,
} from './usecases/record-key-material-consumption.usecase';
import {
  RegisterKeyMaterialCommand,
  registerKeyMaterialCommandSchema,
  RegisterKeyMaterialUseCase,
} from './usecases/register-key-material.usecase';

/** Internal API of key materials (MAT-01, MAT-02, TRC-01); the gateway exposes it with roles. */
@Controller('internal')
export class KeyMaterialsController {
  constructor(
    private readonly materials: KeyMaterialRepository,
    private readonly register: RegisterKeyMaterialUseCase,
    private readonly receive: ReceiveKeyMaterialLotUseCase,
    private readonly decide: DecideKeyMaterialLotUseCase,
    private readonly consume: RecordKeyMaterialConsumptionUseCase,
    private readonly genealogy: KeyMaterialGenealogyUseCase,
  ) {}

  @Get('key-materials')
  catalogue() {
    return this.materials.catalogue();
  }

  @Post('key-materials')
  @HttpCode(201)
  registerMaterial(
    @Body(new ZodBodyPipe(registerKeyMaterialCommandSchema)) command: RegisterKeyMaterialCommand,
  ) {
    return this.register.execute(command);
  }

  @Post('key-materials/:materialCode/lots')
  @HttpCode(201)
  receiveLot(
    @Param('materialCode') materialCode: string,
    @Body(new ZodBodyPipe(receiveKeyMaterialLotCommandSchema))
    command: ReceiveKeyMaterialLotCommand,
  ) {
    return this.receive.execute(materialCode, command);
  }

  /** Would this decision be allowed now? The gateway asks before it records a signature. */
  @Get('key-material-lots/:lotId/decision-check')
  checkDecision(
    @Param('lotId') lotId: string,
    @Query(new ZodBodyPipe(keyMaterialLotDecisionCheckSchema)) query: KeyMaterialLotDecisionCheck,
  ) {
    return this.decide.check(lotId, query.decision, query.eventId);
  }

  @Post('key-material-lots/:lotId/decisions')
  @HttpCode(200)
  decideLot(
    @Param('lotId') lotId: string,
    @Body(new ZodBodyPipe(decideKeyMaterialLotCommandSchema)) command: DecideKeyMaterialLotCommand,
  ) {
    return this.decide.execute(lotId, command);
  }

  @Get('key-material-lots/:lotId/genealogy')
  lotGenealogy(@Param('lotId') lotId: string) {
    return this.genealogy.ofLot(lotId);
  }

  @Post('key-material-consumptions')
  @HttpCode(201)
  recordConsumption(
    @Body(new ZodBodyPipe(recordConsumptionCommandSchema)) command: RecordConsumptionCommand,
  ) {
    return this.consume.execute(command);
  }

  @Get('key-material-consumptions')
  journeyMaterials(@Query('donorCode') donorCode?: string) {
    if (!donorCode) throw new DomainError('VALIDATION_FAILED', 'donorCode is required');
    return this.genealogy.ofJourney(donorCode);
  }
}
