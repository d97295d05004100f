import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { AdverseReactionsController } from './adverse-reactions.controller';
import { AdverseReactionsService } from './adverse-reactions.service';
import { ReleaseAdverseReactionsClient } from './release-adverse-reactions.client';

/** Adverse reactions after the infusion, kept by the release service (TRC-04). */
@Module({
  imports: [SharedModule],
  controllers: [AdverseReactionsController],
  providers: [AdverseReactionsService, ReleaseAdverseReactionsClient],
})
export class AdverseReactionsModule {}
