import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type CheckOosOutcomeCommand,
  checkOosOutcomeCommandSchema,
  type DecideOosOutcomeCommand,
  decideOosOutcomeCommandSchema,
  type RecordOosLaboratoryConclusionCommand,
  recordOosLaboratoryConclusionCommandSchema,
  type RecordOosProcessConclusionCommand,
  recordOosProcessConclusionCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { DecideOosOutcomeUseCase } from './usecases/decide-oos-outcome.usecase';
import { QcStandingUseCase } from './usecases/qc-standing.usecase';
import { RecordOosConclusionUseCase } from './usecases/record-oos-conclusion.usecase';

/** Internal API of QC results and OOS investigations (QA-02.1); the gateway adds the roles. */
@Controller('internal')
export class QcController {
  constructor(
    private readonly standing: QcStandingUseCase,
    private readonly conclusions: RecordOosConclusionUseCase,
    private readonly outcomes: DecideOosOutcomeUseCase,
  ) {}

  @Get('journeys/:donorCode/qc-results')
  results(@Param('donorCode') donorCode: string) {
    return this.standing.results(donorCode);
  }

  @Get('journeys/:donorCode/oos-investigations')
  investigations(@Param('donorCode') donorCode: string) {
    return this.standing.investigations(donorCode);
  }

  @Post('oos-investigations/laboratory-conclusions')
  @HttpCode(201)
  laboratory(
    @Body(new ZodBodyPipe(recordOosLaboratoryConclusionCommandSchema))
    command: RecordOosLaboratoryConclusionCommand,
  ) {
    return this.conclusions.laboratory(command);
  }

  @Post('oos-investigations/process-conclusions')
  @HttpCode(201)
  process(
    @Body(new ZodBodyPipe(recordOosProcessConclusionCommandSchema))
    command: RecordOosProcessConclusionCommand,
  ) {
    return this.conclusions.process(command);
  }

  /** Would this outcome be accepted? The gateway asks before it records a signature. */
  @Post('oos-investigations/outcomes/check')
  @HttpCode(200)
  checkOutcome(
    @Body(new ZodBodyPipe(checkOosOutcomeCommandSchema)) command: CheckOosOutcomeCommand,
  ) {
    return this.outcomes.check(command);
  }

  @Post('oos-investigations/outcomes')
  @HttpCode(201)
  decideOutcome(
    @Body(new ZodBodyPipe(decideOosOutcomeCommandSchema)) command: DecideOosOutcomeCommand,
  ) {
    return this.outcomes.execute(command);
  }
}
