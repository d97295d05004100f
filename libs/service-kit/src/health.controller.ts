import { Controller, Get, Inject, Optional } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { SetAsideMessageRepository } from '@v2v/messaging';
import { BackgroundProcesses } from './background-processes';

/**
 * Liveness of the database plus progress of every background process, and how many messages and
 * outbox rows the service set aside (CSV-04): reported, not a failure of the service, which goes
 * on with the rest; the list is at `internal/set-aside-messages`.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(BackgroundProcesses) private readonly processes: BackgroundProcesses,
    @Optional()
    @Inject(SetAsideMessageRepository)
    private readonly setAside?: SetAsideMessageRepository,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.db.pingCheck('database'),
      async () => {
        const results = await this.processes.health();
        const indicator = this.indicators.check('background');
        const detail = Object.fromEntries(results.map((r) => [r.name, r]));
        return results.every((r) => r.healthy) ? indicator.up(detail) : indicator.down(detail);
      },
      ...(this.setAside
        ? [async () => this.indicators.check('setAside').up(await this.setAside!.counts())]
        : []),
    ]);
  }
}
