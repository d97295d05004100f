import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { JourneyRefusalsService } from './journey-refusals.service';
import { RefusalsController } from './refusals.controller';

/** A journey's refusals, the gateway's and the owning services' (CSV-03, PRD-06, TRC-03). */
@Module({
  imports: [SharedModule],
  controllers: [RefusalsController],
  providers: [JourneyRefusalsService],
})
export class RefusalsModule {}
