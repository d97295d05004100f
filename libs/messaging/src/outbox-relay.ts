import { DataSource, EntityManager } from 'typeorm';
import { EventPublisher } from './event-publisher.port';
import { OutboxRow, publishInTraces } from './outbox-message';
import { SetAsideMessageRepository } from './set-aside-message.repository';
import { decidePublishFailure } from './set-aside-policy';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  schema: string;
  publisher: EventPublisher;
  batchSize?: number;
  idleDelayMs?: number;
  onError?: (error: unknown) => void;
  /** Called for each row set aside (CSV-04); logged at error level by default. */
  onSetAside?: (row: { id: string; topic: string; key: string; reason: string }) => void;
  /** Called with how many rows a committed batch published. */
  onRelayed?: (rows: number) => void;
}

/**
 * Publishes the outbox in created order, one broker call per batch, and marks the rows
 * published in the same transaction that locked them. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED` and marked, never tracked by a "highest id seen" cursor,
 * because ids commit out of order and such a cursor skips rows.
 *
 * A row the broker refuses (e.g. larger than its max message size) is set aside after
 * SET_ASIDE_MAX_ATTEMPTS (`decidePublishFailure`) and the rows after it still go out. Ordering
 * per key: while a refused row waits for its next attempt, the later rows of the same key wait
 * with it and other keys go on; consumers read a key (a donor's journey) in order, and a row
 * that may still go out must not be overtaken. Once it is set aside the key goes on without it:
 * a known gap, listed with its reason, rather than a journey stopped for good.
 *
 * Each row goes out in the trace that wrote it (`publishInTraces`), its consumers continuing it.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  private readonly setAside: SetAsideMessageRepository;

  constructor(private readonly options: OutboxRelayOptions) {
    this.setAside = new SetAsideMessageRepository(options.dataSource, options.schema, {
      inbox: false,
      outbox: true,
    });
  }

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
    return (await this.relayBatch()).published;
  }

  /** One batch, counted once its transaction has committed. */
  private async relayBatch(): Promise<{ published: number; failed: number }> {
    const result = await this.relayInTransaction();
    if (result.published > 0) this.options.onRelayed?.(result.published);
    return result;
  }

  private relayInTransaction(): Promise<{ published: number; failed: number }> {
    const { dataSource, schema, publisher } = this.options;
    return dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(outboxBatchSql(schema), [
        this.options.batchSize ?? 200,
      ]);
      if (rows.length === 0) return { published: 0, failed: 0 };
      try {
        await publishInTraces(rows, (messages) => publisher.publishBatch(messages));
      } catch (error) {
        if (decidePublishFailure(error, 1).action === 'broker-failure') throw error;
        // Some row was refused, the broker does not say which: each goes alone to find it.
        // Rows of the batch that did reach the broker go again; consumers skip them by event id.
        return this.publishOneByOne(manager, rows);
      }
      await this.markPublished(manager, rows);
      return { published: rows.length, failed: 0 };
    });
  }

  private async publishOneByOne(manager: EntityManager, rows: OutboxRow[]) {
    const waiting = new Set<string>();
    let published = 0;
    let failed = 0;
    for (const row of rows) {
      if (waiting.has(row.message_key)) continue;
      try {
        await publishInTraces([row], (messages) => this.options.publisher.publishBatch(messages));
        await this.markPublished(manager, [row]);
        published += 1;
      } catch (error) {
        failed += 1;
        const decision = decidePublishFailure(error, row.record_failures + 1);
        // The broker went away mid-batch: what went out stays marked, the rest waits.
        if (decision.action === 'broker-failure') break;
        const setAside = decision.action === 'set-aside';
        const reason = setAside ? decision.reason : (error as Error).message;
        await this.setAside.recordPublishFailure(manager, row.id, { error: reason, setAside });
        if (setAside)
          this.reportSetAside({ id: row.id, topic: row.topic, key: row.message_key, reason });
        else waiting.add(row.message_key);
      }
    }
    return { published, failed };
  }

  private async markPublished(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    await manager.query(
      `UPDATE "${this.options.schema}"."outbox" SET "published_at" = clock_timestamp(), "attempts" = "attempts" + 1
        WHERE "id" = ANY($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
  }

  private reportSetAside(row: { id: string; topic: string; key: string; reason: string }) {
    if (this.options.onSetAside) this.options.onSetAside(row);
    else console.error('outbox row set aside', row);
  }

  /** Age of the oldest unpublished row: the relay's health is its progress. */
  async oldestUnpublishedAgeMs(): Promise<number> {
    const [row] = await this.options.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (clock_timestamp() - MIN("created_at"))) * 1000 AS age
         FROM "${this.options.schema}"."outbox"
        WHERE "published_at" IS NULL AND "set_aside_at" IS NULL`,
    );
    return row?.age == null ? 0 : Number(row.age);
  }

  private async run(): Promise<void> {
    let delay = this.options.idleDelayMs ?? 200;
    while (this.running) {
      try {
        const { published, failed } = await this.relayBatch();
        // A refused row waits with a doubling delay between its attempts, like an outage.
        delay = failed > 0 ? Math.min(delay * 2, 10_000) : (this.options.idleDelayMs ?? 200);
        if (published > 0 && failed === 0) continue;
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
                          WHERE "published_at" IS NULL AND "set_aside_at" IS NULL
                          ORDER BY "created_at" LIMIT 1)`,
        [message.slice(0, 2000)],
      );
    } catch {
      // The database itself may be what failed; the next loop retries both.
    }
  }
}

/**
 * The relay's next batch: the oldest rows neither published nor set aside, locked so that a
 * second relay takes the rows after them. Exported for the benchmark's EXPLAIN of it.
 */
export function outboxBatchSql(schema: string): string {
  return `SELECT "id", "topic", "message_key", "message_type", "envelope", "record_failures",
                 "traceparent"
            FROM "${schema}"."outbox" WHERE "published_at" IS NULL AND "set_aside_at" IS NULL
           ORDER BY "created_at", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`;
}
