import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type DecideProcessValidationCommand,
  decideProcessValidationCommandSchema,
  DomainError,
  type ProcessValidationDecision,
  processValidationDecisionSchema,
  type PublishProcessDefinitionCommand,
  publishProcessDefinitionCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { ProcessRepository } from './process.repository';
import { DecideProcessValidationUseCase } from './usecases/decide-process-validation.usecase';
import { PublishProcessDefinitionUseCase } from './usecases/publish-process-definition.usecase';

function processVersion(raw: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(raw))
    throw new DomainError(
      'VALIDATION_FAILED',
      `process version '${raw}' is not a positive integer`,
    );
  return Number(raw);
}

/** Internal API of process definitions and their validation (PRD-01, PRD-03). */
@Controller('internal/processes')
export class ProcessesController {
  constructor(
    private readonly processes: ProcessRepository,
    private readonly publish: PublishProcessDefinitionUseCase,
    private readonly decide: DecideProcessValidationUseCase,
  ) {}

  @Get(':productCode')
  versions(@Param('productCode') productCode: string) {
    return this.processes.versions(productCode);
  }

  @Post(':productCode')
  @HttpCode(201)
  publishDefinition(
    @Param('productCode') productCode: string,
    @Body(new ZodBodyPipe(publishProcessDefinitionCommandSchema))
    command: PublishProcessDefinitionCommand,
  ) {
    return this.publish.execute(productCode, command);
  }

  /** Would this decision be accepted? The gateway asks before it records a signature. */
  @Post(':productCode/:processVersion/validation-check')
  @HttpCode(200)
  checkValidation(
    @Param('productCode') productCode: string,
    @Param('processVersion') version: string,
    @Body(new ZodBodyPipe(processValidationDecisionSchema)) decision: ProcessValidationDecision,
  ) {
    return this.decide.check(productCode, processVersion(version), decision);
  }

  @Post(':productCode/:processVersion/validations')
  @HttpCode(201)
  decideValidation(
    @Param('productCode') productCode: string,
    @Param('processVersion') version: string,
    @Body(new ZodBodyPipe(decideProcessValidationCommandSchema))
    command: DecideProcessValidationCommand,
  ) {
    return this.decide.execute(productCode, processVersion(version), command);
  }
}
