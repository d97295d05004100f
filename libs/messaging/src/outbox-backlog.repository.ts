import { DataSource } from 'typeorm';

/** What the relay has still to publish: the outbox gauges an operator alerts on. */
export interface OutboxBacklog {
  /** Rows neither published nor set aside. */
  rows: number;
  /** Age of the oldest of them; 0 when there is none. */
  oldestAgeSeconds: number;
}

/** Reads a schema's outbox backlog; scraped with the metrics, so one indexed aggregate. */
export class OutboxBacklogRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async backlog(): Promise<OutboxBacklog> {
    const [row] = await this.dataSource.query(
      `SELECT COUNT(*) AS "rows",
              EXTRACT(EPOCH FROM (clock_timestamp() - MIN("created_at"))) AS "age"
         FROM "${this.schema}"."outbox"
        WHERE "published_at" IS NULL AND "set_aside_at" IS NULL`,
    );
    return {
      rows: Number(row?.rows ?? 0),
      oldestAgeSeconds: row?.age == null ? 0 : Number(row.age),
    };
  }
}
