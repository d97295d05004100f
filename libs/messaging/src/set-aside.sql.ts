/**
 * DDL of what a service sets aside instead of stopping over it (CSV-04): the messages its
 * consumers could not apply (`set_aside_message`, kept as received, up to a cap) and the outbox
 * rows the broker refused (`set_aside_at` on the row itself, which keeps the whole envelope, with
 * the refusal in `last_error`). Messages kept aside before this table (`inbox_rejected`) move
 * into it.
 */
export function createSetAsideMessageTableSql(schema: string): string[] {
  const table = `"${schema}"."set_aside_message"`;
  return [
    `CREATE TABLE ${table} (
      "id" bigserial NOT NULL,
      "consumer_group" text,
      "topic" text NOT NULL,
      "partition" integer NOT NULL,
      "kafka_offset" bigint NOT NULL,
      "message_key" text,
      "event_id" text,
      "payload" text NOT NULL,
      "payload_bytes" integer NOT NULL,
      "reason" text NOT NULL,
      "attempts" integer NOT NULL,
      "first_failed_at" timestamptz NOT NULL,
      "last_failed_at" timestamptz NOT NULL,
      "set_aside_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_${schema}_set_aside_message" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_${schema}_set_aside_message_offset"
        UNIQUE ("consumer_group", "topic", "partition", "kafka_offset"),
      CONSTRAINT "CHK_${schema}_set_aside_message_attempts" CHECK ("attempts" >= 1),
      CONSTRAINT "CHK_${schema}_set_aside_message_failures"
        CHECK ("first_failed_at" <= "last_failed_at")
    )`,
    // Kept before with no group (NULL: the offset constraint does not bind them), key or count.
    `INSERT INTO ${table} ("topic", "partition", "kafka_offset", "payload", "payload_bytes",
             "reason", "attempts", "first_failed_at", "last_failed_at", "set_aside_at")
           SELECT "topic", "partition", "kafka_offset", "raw", octet_length("raw"), "error", 1,
                  "rejected_at", "rejected_at", "rejected_at"
             FROM "${schema}"."inbox_rejected" ORDER BY "id"`,
    `DROP TABLE "${schema}"."inbox_rejected"`,
  ];
}

export function dropSetAsideMessageTableSql(schema: string): string[] {
  return [
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
    `INSERT INTO "${schema}"."inbox_rejected" ("topic", "partition", "kafka_offset", "raw",
             "error", "rejected_at")
           SELECT "topic", "partition", "kafka_offset", "payload", "reason", "set_aside_at"
             FROM "${schema}"."set_aside_message" ORDER BY "id"`,
    `DROP TABLE "${schema}"."set_aside_message"`,
  ];
}

export function addOutboxSetAsideSql(schema: string): string[] {
  return [
    `ALTER TABLE "${schema}"."outbox"
       ADD COLUMN "record_failures" integer NOT NULL DEFAULT 0,
       ADD COLUMN "set_aside_at" timestamptz,
       ADD CONSTRAINT "CHK_${schema}_outbox_published_or_set_aside"
         CHECK ("published_at" IS NULL OR "set_aside_at" IS NULL)`,
    `DROP INDEX "${schema}"."IDX_${schema}_outbox_unpublished"`,
    `CREATE INDEX "IDX_${schema}_outbox_unpublished" ON "${schema}"."outbox" ("created_at")
      WHERE "published_at" IS NULL AND "set_aside_at" IS NULL`,
  ];
}

export function dropOutboxSetAsideSql(schema: string): string[] {
  return [
    `DROP INDEX "${schema}"."IDX_${schema}_outbox_unpublished"`,
    `ALTER TABLE "${schema}"."outbox" DROP COLUMN "set_aside_at", DROP COLUMN "record_failures"`,
    `CREATE INDEX "IDX_${schema}_outbox_unpublished" ON "${schema}"."outbox" ("created_at")
      WHERE "published_at" IS NULL`,
  ];
}
