import { DataSource } from 'typeorm';
import { EventPublisher } from './event-publisher.port';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  schema: string;
  publisher: EventPublisher;
  batchSize?: number;
  idleDelayMs?: number;
  onError?: (error: unknown) => void;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  message_type: string;
  envelope: unknown;
}

/**
 * Publishes the outbox in created order, one broker call per batch, and marks the rows
 * published in the same transaction that locked them. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and marked, never tracked by a "highest id seen" cursor,
 * because ids commit out of order and such a cursor skips rows.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Publishes at most one batch; returns how many rows were published. */
  async relayOnce(): Promise<number> {
    const { dataSource, schema, publisher } = this.options;
    return dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT "id", "topic", "message_key", "message_type", "envelope"
           FROM "${schema}"."outbox" WHERE "published_at" IS NULL
          ORDER BY "created_at", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 200],
      );
      if (rows.length === 0) return 0;
      await publisher.publishBatch(
        rows.map((r) => ({
          topic: r.topic,
          key: r.message_key,
          value: JSON.stringify(r.envelope),
          headers: { 'event-id': r.id, 'message-type': r.message_type },
        })),
      );
      await manager.query(
        `UPDATE "${schema}"."outbox" SET "published_at" = clock_timestamp(), "attempts" = "attempts" + 1
          WHERE "id" = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  /** Age of the oldest unpublished row: the relay's health is its progress. */
  async oldestUnpublishedAgeMs(): Promise<number> {
    const [row] = await this.options.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (clock_timestamp() - MIN("created_at"))) * 1000 AS age
         FROM "${this.options.schema}"."outbox" WHERE "published_at" IS NULL`,
    );
    return row?.age == null ? 0 : Number(row.age);
  }

  private async run(): Promise<void> {
    let delay = this.options.idleDelayMs ?? 200;
    while (this.running) {
      try {
        const published = await this.relayOnce();
        delay = this.options.idleDelayMs ?? 200;
        if (published > 0) continue;
      } catch (error) {
        await this.recordFailure(error);
        delay = Math.min(delay * 2, 10_000);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async recordFailure(error: unknown): Promise<void> {
    this.options.onError?.(error);
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.options.dataSource.query(
        `UPDATE "${this.options.schema}"."outbox" SET "attempts" = "attempts" + 1, "last_error" = $1
          WHERE "id" IN (SELECT "id" FROM "${this.options.schema}"."outbox"
                          WHERE "published_at" IS NULL ORDER BY "created_at" LIMIT 1)`,
        [message.slice(0, 2000)],
      );
    } catch {
      // The database itself may be what failed; the next loop retries both.
    }
  }
}
