import { Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import type { OutboxBacklog } from '@v2v/messaging';
import { metricsRegistry } from './metrics-registry';

/** What the gauges read at scrape: the schema's outbox backlog (`OutboxBacklogRepository`). */
export interface OutboxBacklogSource {
  backlog(): Promise<OutboxBacklog>;
}

/**
 * `outbox_backlog` and `outbox_oldest_age_seconds` by schema, read through the repository when
 * Prometheus scrapes (one query per schema and scrape, shared by both gauges). A schema whose
 * read fails has no series in that scrape rather than a stale value.
 */
export class OutboxGauges {
  private readonly logger = new Logger('OutboxGauges');
  private readonly sources = new Map<string, OutboxBacklogSource>();
  private reading?: Promise<void>;
  private readonly backlog: Gauge<'schema'>;
  private readonly oldestAge: Gauge<'schema'>;

  constructor(registry: Registry) {
    const collect = () => this.readOnce();
    this.backlog = new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows not yet published nor set aside, by schema',
      labelNames: ['schema'],
      registers: [registry],
      collect,
    });
    this.oldestAge = new Gauge({
      name: 'outbox_oldest_age_seconds',
      help: 'Age of the oldest outbox row not yet published, by schema (0 when none)',
      labelNames: ['schema'],
      registers: [registry],
      collect,
    });
  }

  watch(schema: string, source: OutboxBacklogSource): void {
    this.sources.set(schema, source);
  }

  /** One read per scrape: both gauges' collect calls share the read in flight. */
  private readOnce(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<void> {
    await Promise.all(
      [...this.sources].map(async ([schema, source]) => {
        try {
          const { rows, oldestAgeSeconds } = await source.backlog();
          this.backlog.set({ schema }, rows);
          this.oldestAge.set({ schema }, oldestAgeSeconds);
        } catch (error) {
          this.backlog.remove({ schema });
          this.oldestAge.remove({ schema });
          this.logger.warn(`outbox backlog of ${schema} not read: ${(error as Error).message}`);
        }
      }),
    );
  }
}

/** The process's outbox gauges, in the registry `/metrics` serves. */
export const outboxGauges = new OutboxGauges(metricsRegistry);
