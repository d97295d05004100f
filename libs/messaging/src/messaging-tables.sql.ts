/**
 * DDL for the outbox and inbox every service keeps in its own schema. Service migrations
 * call these so that the tables are the same everywhere; named constraints and indexes
 * let errors and operations refer to them.
 */
export function createOutboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."outbox" (
      "id" uuid NOT NULL,
      "topic" text NOT NULL,
      "message_key" text NOT NULL,
      "message_type" text NOT NULL,
      "envelope" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      "published_at" timestamptz,
      "attempts" integer NOT NULL DEFAULT 0,
      "last_error" text,
      CONSTRAINT "PK_${schema}_outbox" PRIMARY KEY ("id")
    )`,
    `CREATE INDEX "IDX_${schema}_outbox_unpublished" ON "${schema}"."outbox" ("created_at")
      WHERE "published_at" IS NULL`,
  ];
}

export function dropOutboxTableSql(schema: string): string[] {
  return [`DROP TABLE "${schema}"."outbox"`];
}

export function createInboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}"."inbox" (
      "event_id" uuid NOT NULL,
      "message_type" text NOT NULL,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "kafka_offset" bigint NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${schema}_inbox" PRIMARY KEY ("event_id")
    )`,
    // Messages that failed schema validation: kept, never retried forever. As created by the
    // first migrations; `setAsideMigration` moves its rows into `set_aside_message`.
    `CREATE TABLE "${schema}"."inbox_rejected" (
      "id" bigserial NOT NULL,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "kafka_offset" bigint NOT NULL,
      "raw" text NOT NULL,
      "error" text NOT NULL,
      "rejected_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${schema}_inbox_rejected" PRIMARY KEY ("id")
    )`,
  ];
}

export function dropInboxTableSql(schema: string): string[] {
  return [`DROP TABLE "${schema}"."inbox_rejected"`, `DROP TABLE "${schema}"."inbox"`];
}
