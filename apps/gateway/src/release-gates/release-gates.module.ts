import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JourneysModule } from '../journeys/journeys.module';
import { ReleaseGatesChangedInterceptor } from './changes-release-gates';
import { ReleaseGatesController } from './release-gates.controller';
import { ReleaseGatesService } from './release-gates.service';
import { ReleaseGatesWorkflowRepository } from './release-gates-workflow.repository';

/** The batch's release gates: their standing, and the signal after a write that changes one. */
@Module({
  imports: [JourneysModule],
  controllers: [ReleaseGatesController],
  providers: [
    ReleaseGatesService,
    ReleaseGatesWorkflowRepository,
    { provide: APP_INTERCEPTOR, useClass: ReleaseGatesChangedInterceptor },
  ],
})
export class ReleaseGatesModule {}
