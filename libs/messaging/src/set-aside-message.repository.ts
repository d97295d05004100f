import { StringDecoder } from 'node:string_decoder';
import { DataSource, EntityManager } from 'typeorm';
import { storableText } from '@v2v/contracts';

/** Payload kept of a message set aside; `payload_bytes` keeps the size it arrived with. */
export const SET_ASIDE_PAYLOAD_CAP_BYTES = 64 * 1024;
const REASON_CAP = 4000;

/** A message a consumer could not apply, as it arrived on the topic. */
export interface SetAsideMessage {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  value: Buffer | null;
  reason: string;
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

export interface SetAsideMessageView {
  consumerGroup: string | null;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  payload: string;
  payloadBytes: number;
  reason: string;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
  setAsideAt: string;
}

export interface SetAsideOutboxRowView {
  id: string;
  topic: string;
  key: string;
  messageType: string;
  reason: string | null;
  failures: number;
  createdAt: string;
  setAsideAt: string;
}

/**
 * CSV-04: what a service set aside, kept where ops can read it. `tables` names what the schema
 * has: `set_aside_message` where it consumes (an inbox), set-aside outbox rows where it publishes;
 * read from the schema itself when not given (the health check and the listing of any service).
 */
export class SetAsideMessageRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly tables?: { inbox: boolean; outbox: boolean },
  ) {}

  /** Not cached when read from the schema: a health check may run before the migrations. */
  private async schemaTables(): Promise<{ inbox: boolean; outbox: boolean }> {
    if (this.tables) return this.tables;
    const [row] = await this.dataSource.query(
      `SELECT to_regclass($1) IS NOT NULL AS inbox, to_regclass($2) IS NOT NULL AS outbox`,
      [`"${this.schema}"."set_aside_message"`, `"${this.schema}"."outbox"`],
    );
    return { inbox: row.inbox, outbox: row.outbox };
  }

  /** Once per offset: a redelivery after a crash before the offset commit adds nothing. */
  async record(m: SetAsideMessage): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${this.schema}"."set_aside_message" ("consumer_group", "topic", "partition",
         "kafka_offset", "message_key", "event_id", "payload", "payload_bytes", "reason",
         "attempts", "first_failed_at", "last_failed_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT ON CONSTRAINT "UQ_${this.schema}_set_aside_message_offset" DO NOTHING`,
      [
        m.consumerGroup,
        m.topic,
        m.partition,
        m.offset,
        m.key === null ? null : storableText(m.key),
        m.eventId,
        keptPayload(m.value),
        m.value?.length ?? 0,
        storableText(m.reason).slice(0, REASON_CAP),
        m.attempts,
        m.firstFailedAt,
        m.lastFailedAt,
      ],
    );
  }

  /** A publish the broker refused: counted on the row; set aside with its reason when due. */
  async recordPublishFailure(
    manager: EntityManager,
    outboxId: string,
    failure: { error: string; setAside: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE "${this.schema}"."outbox"
          SET "attempts" = "attempts" + 1, "record_failures" = "record_failures" + 1,
              "last_error" = $2, "set_aside_at" = CASE WHEN $3 THEN clock_timestamp() END
        WHERE "id" = $1`,
      [outboxId, failure.error.slice(0, REASON_CAP), failure.setAside],
    );
  }

  async counts(): Promise<{ messages: number; outboxRows: number }> {
    const tables = await this.schemaTables();
    const count = async (sql: string) => Number((await this.dataSource.query(sql))[0].count);
    return {
      messages: tables.inbox
        ? await count(`SELECT count(*) AS count FROM "${this.schema}"."set_aside_message"`)
        : 0,
      outboxRows: tables.outbox
        ? await count(
            `SELECT count(*) AS count FROM "${this.schema}"."outbox"
              WHERE "set_aside_at" IS NOT NULL`,
          )
        : 0,
    };
  }

  /** The newest first, at most `limit` of each. */
  async list(
    limit: number,
  ): Promise<{ messages: SetAsideMessageView[]; outboxRows: SetAsideOutboxRowView[] }> {
    const tables = await this.schemaTables();
    const messages: SetAsideMessageView[] = tables.inbox
      ? await this.dataSource.query(
          `SELECT "consumer_group" AS "consumerGroup", "topic", "partition",
                  "kafka_offset"::text AS "offset", "message_key" AS "key", "event_id" AS "eventId",
                  "payload", "payload_bytes" AS "payloadBytes", "reason", "attempts",
                  to_json("first_failed_at") #>> '{}' AS "firstFailedAt",
                  to_json("last_failed_at") #>> '{}' AS "lastFailedAt",
                  to_json("set_aside_at") #>> '{}' AS "setAsideAt"
             FROM "${this.schema}"."set_aside_message" ORDER BY "id" DESC LIMIT $1`,
          [limit],
        )
      : [];
    const outboxRows: SetAsideOutboxRowView[] = tables.outbox
      ? await this.dataSource.query(
          `SELECT "id", "topic", "message_key" AS "key", "message_type" AS "messageType",
                  "last_error" AS "reason", "record_failures" AS "failures",
                  to_json("created_at") #>> '{}' AS "createdAt",
                  to_json("set_aside_at") #>> '{}' AS "setAsideAt"
             FROM "${this.schema}"."outbox" WHERE "set_aside_at" IS NOT NULL
            ORDER BY "set_aside_at" DESC LIMIT $1`,
          [limit],
        )
      : [];
    return { messages, outboxRows };
  }
}

/** The first 64 KB; a character cut by the cap is left out (the decoder holds it back). */
function keptPayload(value: Buffer | null): string {
  if (!value) return '';
  return storableText(
    new StringDecoder('utf8').write(value.subarray(0, SET_ASIDE_PAYLOAD_CAP_BYTES)),
  );
}
