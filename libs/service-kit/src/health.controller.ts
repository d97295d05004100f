import { Controller, Get, Inject, Optional } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { describeError } from '@v2v/contracts';
import { SetAsideMessageRepository } from '@v2v/messaging';
import { BackgroundProcesses } from './background-processes';

type IndicatorSession = ReturnType<HealthIndicatorService['check']>;

/**
 * Liveness of the database plus progress of every background process, and how many messages and
 * outbox rows the service set aside (CSV-04): reported, not a failure of the service, which goes
 * on with the rest; the list is at `internal/set-aside-messages`. A part that cannot even be
 * asked (its database away) is reported down with why, beside the others, in terminus's 503.
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
      this.reported('background', async (indicator) => {
        const results = await this.processes.health();
        const detail = Object.fromEntries(results.map((r) => [r.name, r]));
        return results.every((r) => r.healthy) ? indicator.up(detail) : indicator.down(detail);
      }),
      ...(this.setAside
        ? [this.reported('setAside', async (i) => i.up(await this.setAside!.counts()))]
        : []),
    ]);
  }

  /** An indicator whose failure to answer is its report: down, with the error's message. */
  private reported(
    key: string,
    indicate: (indicator: IndicatorSession) => Promise<HealthIndicatorResult>,
  ) {
    return async () => {
      const indicator = this.indicators.check(key);
      try {
        return await indicate(indicator);
      } catch (error) {
        return indicator.down({ error: describeError(error) });
      }
    };
  }
}
