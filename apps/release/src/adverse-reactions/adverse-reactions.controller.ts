import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type ReportAdverseReactionCommand,
  reportAdverseReactionCommandSchema,
  requireDonorCode,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AdverseReactionRepository } from './adverse-reaction.repository';
import { ReportAdverseReactionUseCase } from './usecases/report-adverse-reaction.usecase';

/** Internal API of the adverse reactions after infusion (TRC-04); the gateway adds the roles. */
@Controller('internal/adverse-reactions')
export class AdverseReactionsController {
  constructor(
    private readonly reactions: AdverseReactionRepository,
    private readonly report: ReportAdverseReactionUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  record(
    @Body(new ZodBodyPipe(reportAdverseReactionCommandSchema))
    command: ReportAdverseReactionCommand,
  ) {
    return this.report.execute(command);
  }

  @Get(':donorCode')
  list(@Param('donorCode') donorCode: string) {
    return this.reactions.list(requireDonorCode(donorCode));
  }
}
