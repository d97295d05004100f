import { Module } from '@nestjs/common';
import { SharedModule } from '../shared/shared.module';
import { TelemetryOutboxRepository } from './telemetry-outbox.repository';
import { TelemetryController } from './telemetry.controller';

/** Data-logger telemetry (GEN-01): uploads into the gateway's outbox, readings per leg. */
@Module({
  imports: [SharedModule],
  controllers: [TelemetryController],
  providers: [TelemetryOutboxRepository],
})
export class TelemetryModule {}
