import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { BackgroundProcesses } from './background-processes';

/** Liveness of the database plus progress of every background process. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(BackgroundProcesses) private readonly processes: BackgroundProcesses,
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
    ]);
  }
}
