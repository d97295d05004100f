import { Module } from '@nestjs/common';
import { AdverseReactionRepository } from './adverse-reaction.repository';
import { AdverseReactionsController } from './adverse-reactions.controller';
import { ReportAdverseReactionUseCase } from './usecases/report-adverse-reaction.usecase';

/** Adverse reactions after the infusion, reported by the patient's hospital (TRC-04). */
@Module({
  controllers: [AdverseReactionsController],
  providers: [AdverseReactionRepository, ReportAdverseReactionUseCase],
})
export class AdverseReactionsModule {}
