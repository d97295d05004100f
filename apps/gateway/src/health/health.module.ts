import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import {
  BackgroundProcesses,
  outboxRelayProcess,
  setAsideMessagesProvider,
} from '@v2v/service-kit';
import { DataSource } from 'typeorm';
import { PublicHealthController } from './public-health.controller';

/**
 * The gateway's background processes and the health check that reports them, open to probes
 * without a token. Telemetry reaches Kafka through the gateway's outbox and its relay.
 */
@Module({
  imports: [TerminusModule],
  controllers: [PublicHealthController],
  providers: [
    setAsideMessagesProvider('gateway'),
    {
      provide: BackgroundProcesses,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) =>
        new BackgroundProcesses([outboxRelayProcess(dataSource, 'gateway', 'gateway')]),
    },
  ],
})
export class HealthModule {}
