import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from '@v2v/tracing';

/** A long-running part of an app: an outbox relay, an activity worker, a consumer. */
export interface BackgroundProcess {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Progress-based health: unhealthy when the process has stopped making progress. */
  health(): Promise<{ healthy: boolean; detail: Record<string, unknown> }>;
}

/**
 * Starts an app's background processes after the HTTP app is up and stops them in
 * reverse order on shutdown, so a SIGTERM drains activities and relays cleanly. Stopping them
 * is the app's last act before it exits (Nest has closed its HTTP server by then), so the
 * traces are flushed after them: the spans of the draining relays and consumers get out too.
 */
export class BackgroundProcesses implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BackgroundProcesses');
  private started: BackgroundProcess[] = [];

  constructor(
    readonly processes: BackgroundProcess[],
    /** From the app's config (`ServiceConfig.backgroundProcesses`); V2V_BACKGROUND otherwise. */
    private readonly options: { enabled?: boolean } = {},
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.options.enabled ?? process.env.V2V_BACKGROUND !== 'off')) return;
    for (const p of this.processes) {
      await p.start();
      this.started.push(p);
      this.logger.log(`${p.name} started`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const p of [...this.started].reverse()) {
      await p.stop().catch((error) => this.logger.error(`${p.name} failed to stop: ${error}`));
    }
    this.started = [];
    await stopTracing();
  }

  async health() {
    return Promise.all(this.started.map(async (p) => ({ name: p.name, ...(await p.health()) })));
  }
}
