import { Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import type { Admin } from 'kafkajs';
import { metricsRegistry } from './metrics-registry';

/** The two admin reads the lag needs: the group's committed offsets, the topic's high marks. */
export type OffsetsAdmin = Pick<Admin, 'fetchOffsets' | 'fetchTopicOffsets'>;

/** What a scrape may wait for the broker before it leaves the lag out. */
const LAG_READ_TIMEOUT_MS = 2_000;

/**
 * Messages of a partition the group has still to consume: its high watermark less the group's
 * committed offset; from the low watermark when the group has committed nothing there yet
 * (`-1`), as it reads from the beginning.
 */
export function partitionLag(committed: string, high: string, low: string): number {
  const from = committed === '-1' ? BigInt(low) : BigInt(committed);
  const lag = BigInt(high) - from;
  return lag > 0n ? Number(lag) : 0;
}

/**
 * `kafka_consumer_lag` by group, topic and partition, read from the broker when Prometheus
 * scrapes: one `fetchOffsets` per group and one `fetchTopicOffsets` per topic, bounded in
 * time. A group whose read fails or times out has no series in that scrape.
 */
export class ConsumerLagGauge {
  private readonly logger = new Logger('ConsumerLagGauge');
  private readonly groups = new Map<string, { admin: () => OffsetsAdmin; topics: string[] }>();
  private readonly lag: Gauge<'group' | 'topic' | 'partition'>;

  constructor(registry: Registry) {
    this.lag = new Gauge({
      name: 'kafka_consumer_lag',
      help: 'Messages a consumer group has still to consume, by topic and partition',
      labelNames: ['group', 'topic', 'partition'],
      registers: [registry],
      collect: () => this.read(),
    });
  }

  /** `admin` is called at scrape: the caller connects it once its consumer runs. */
  watch(group: string, topics: string[], admin: () => OffsetsAdmin): void {
    this.groups.set(group, { admin, topics });
  }

  private async read(): Promise<void> {
    this.lag.reset();
    await Promise.all(
      [...this.groups].map(([group, { admin, topics }]) =>
        withTimeout(this.readGroup(group, topics, admin())).catch((error: unknown) =>
          this.logger.warn(`lag of ${group} not read: ${(error as Error).message}`),
        ),
      ),
    );
  }

  private async readGroup(group: string, topics: string[], admin: OffsetsAdmin) {
    const committed = await admin.fetchOffsets({ groupId: group, topics });
    const lags: Array<{ topic: string; partition: number; lag: number }> = [];
    for (const { topic, partitions } of committed) {
      const marks = new Map((await admin.fetchTopicOffsets(topic)).map((m) => [m.partition, m]));
      for (const { partition, offset } of partitions) {
        const mark = marks.get(partition);
        if (mark) lags.push({ topic, partition, lag: partitionLag(offset, mark.high, mark.low) });
      }
    }
    // Set together once all is read: a scrape shows a group's partitions all or none.
    for (const { topic, partition, lag } of lags)
      this.lag.set({ group, topic, partition: String(partition) }, lag);
  }
}

function withTimeout<T>(read: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('broker did not answer in time')),
      LAG_READ_TIMEOUT_MS,
    );
  });
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

/** The process's consumer lag gauge, in the registry `/metrics` serves. */
export const consumerLag = new ConsumerLagGauge(metricsRegistry);
