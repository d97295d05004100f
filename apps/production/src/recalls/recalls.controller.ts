import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type CreateRecallCommand,
  createRecallCommandSchema,
  DomainError,
  type RecallCheck,
  recallCheckSchema,
  type RecordRecallDispositionCommand,
  recordRecallDispositionCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { RecallRepository } from './recall.repository';
import { CreateRecallUseCase } from './usecases/create-recall.usecase';
import { RecordRecallDispositionUseCase } from './usecases/record-recall-disposition.usecase';

/** Internal API of recalls (QA-04, TRC-01); the gateway exposes it with roles and signatures. */
@Controller('internal/recalls')
export class RecallsController {
  constructor(
    private readonly recalls: RecallRepository,
    private readonly create: CreateRecallUseCase,
    private readonly dispose: RecordRecallDispositionUseCase,
  ) {}

  /** Would this recall be accepted now, and which journeys would it reach? Before signing. */
  @Post('check')
  @HttpCode(200)
  check(@Body(new ZodBodyPipe(recallCheckSchema)) asked: RecallCheck) {
    return this.create.check(asked);
  }

  @Post()
  @HttpCode(201)
  recall(@Body(new ZodBodyPipe(createRecallCommandSchema)) command: CreateRecallCommand) {
    return this.create.execute(command);
  }

  @Get()
  list() {
    return this.recalls.list();
  }

  @Get(':recallId')
  async one(@Param('recallId') recallId: string) {
    const recall = await this.recalls.recall(recallId);
    if (!recall) throw new DomainError('NOT_FOUND', `no recall ${recallId}`);
    return recall;
  }

  @Post(':recallId/units/:donorCode/disposition')
  @HttpCode(200)
  disposition(
    @Param('recallId') recallId: string,
    @Param('donorCode') donorCode: string,
    @Body(new ZodBodyPipe(recordRecallDispositionCommandSchema))
    command: RecordRecallDispositionCommand,
  ) {
    return this.dispose.execute(recallId, donorCode, command);
  }
}
