/**
 * The relay's batch query (`outboxBatchSql`) in its own order, `created_at` then `id`: with the
 * index on `created_at` alone PostgreSQL read and sorted every waiting row for each batch of 200
 * (a bitmap scan of the whole backlog, 20–35 ms per batch of a 20,000-row backlog, `npm run
 * bench:outbox`); on both columns it reads the batch's rows in order and stops.
 */
export function orderOutboxBatchIndexSql(schema: string): string[] {
  return [
    `DROP INDEX "${schema}"."IDX_${schema}_outbox_unpublished"`,
    `CREATE INDEX "IDX_${schema}_outbox_unpublished" ON "${schema}"."outbox" ("created_at", "id")
      WHERE "published_at" IS NULL AND "set_aside_at" IS NULL`,
  ];
}

export function unorderOutboxBatchIndexSql(schema: string): string[] {
  return [
    `DROP INDEX "${schema}"."IDX_${schema}_outbox_unpublished"`,
    `CREATE INDEX "IDX_${schema}_outbox_unpublished" ON "${schema}"."outbox" ("created_at")
      WHERE "published_at" IS NULL AND "set_aside_at" IS NULL`,
  ];
}
