import type { DataSource } from 'typeorm';
import { ALL_TOPICS, journeyWorkflowId, TELEMETRY_TOPIC, TOPICS } from '@v2v/contracts';

/** The service schemas whose journey steps write step records and custody events. */
const STEP_SCHEMAS = ['donor_intake', 'production', 'release'] as const;
/** Every schema with an outbox and an audit trail (the gateway's outbox carries telemetry). */
const AUDITED_SCHEMAS = [...STEP_SCHEMAS, 'gateway'] as const;
/** Every schema that consumes from Kafka and so may set a message aside (the gateway does not). */
const CONSUMING_SCHEMAS = [...STEP_SCHEMAS, 'traceability'] as const;

/**
 * The platform's consumers of journey events: where they read (outboxes and topics) and their
 * inbox (keyed by event id; a message set aside is in their `set_aside_message`).
 */
const CONSUMERS = [
  { name: 'the ledger', outboxes: STEP_SCHEMAS, topics: ALL_TOPICS, inbox: 'traceability' },
  {
    name: 'the notification feed',
    outboxes: STEP_SCHEMAS,
    topics: ALL_TOPICS,
    inbox: 'donor_intake',
  },
  {
    name: 'the telemetry bridge',
    outboxes: ['gateway'],
    topics: [TELEMETRY_TOPIC],
    inbox: 'donor_intake',
  },
  {
    name: "production's journey signals",
    outboxes: ['production'],
    topics: [TOPICS.production],
    inbox: 'production',
  },
  {
    name: "release's recall holds",
    outboxes: ['production'],
    topics: [TOPICS.production],
    inbox: 'release',
  },
];

/** What one journey left in one table, by kind: `ledger donor.screened.v1` → 1. */
export type Composition = Map<string, number>;

interface KindCount {
  code: string;
  kind: string;
  n: number;
}

/**
 * The fault suite's SQL over the service schemas (read as the services' role). Each table's key
 * (`UQ_ledger_event`, `UQ_<schema>_step_record_event` and `_step`, the outbox's and inbox's ids)
 * already refuses a row twice under one id; a fact doubled by a crash shows up instead as one
 * kind more often than in a journey run without faults, so these count per journey and kind.
 */
export class CrashChecksRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Per donor code, by kind: its ledger entries, step records, outbox events, audit entries and
   * messages set aside.
   */
  async compositions(donorCodes: string[]): Promise<Map<string, Composition>> {
    const journeyIds = donorCodes.map(journeyWorkflowId);
    const rows: KindCount[] = [
      ...(await this.db.query(
        `SELECT "chain_id" AS "code", 'ledger ' || "message_type" AS "kind", count(*)::int AS "n"
           FROM "traceability"."ledger_entry" WHERE "chain_id" = ANY($1) GROUP BY 1, 2`,
        [donorCodes],
      )),
    ];
    for (const schema of STEP_SCHEMAS)
      rows.push(
        ...(await this.db.query(
          `SELECT "donor_code" AS "code", '${schema} step record ' || coalesce("step", "record_type") AS "kind",
                  count(*)::int AS "n"
             FROM "${schema}"."step_record" WHERE "donor_code" = ANY($1) GROUP BY 1, 2`,
          [donorCodes],
        )),
      );
    for (const schema of AUDITED_SCHEMAS) {
      rows.push(
        ...(await this.db.query(
          `SELECT "message_key" AS "code", '${schema} outbox ' || "message_type" AS "kind", count(*)::int AS "n"
             FROM "${schema}"."outbox" WHERE "message_key" = ANY($1) GROUP BY 1, 2`,
          [donorCodes],
        )),
      );
      const audit: KindCount[] = await this.db.query(
        `SELECT "journey_id" AS "code", '${schema} audit ' || "record_type" || ' ' || "action" AS "kind",
                count(*)::int AS "n"
           FROM "${schema}"."audit_entry" WHERE "journey_id" = ANY($1) GROUP BY 1, 2`,
        [journeyIds],
      );
      rows.push(...audit.map((r) => ({ ...r, code: donorCodes[journeyIds.indexOf(r.code)] })));
    }
    // A message of the journey a consumer could not apply and set aside (CSV-04).
    for (const schema of CONSUMING_SCHEMAS)
      rows.push(
        ...(await this.db.query(
          `SELECT "message_key" AS "code", '${schema} set aside ' || coalesce("consumer_group", '') AS "kind",
                  count(*)::int AS "n"
             FROM "${schema}"."set_aside_message" WHERE "message_key" = ANY($1) GROUP BY 1, 2`,
          [donorCodes],
        )),
      );
    const byCode = new Map<string, Composition>(donorCodes.map((c) => [c, new Map()]));
    for (const { code, kind, n } of rows) byCode.get(code)?.set(kind, n);
    return byCode;
  }

  /** Ledger entries of one custody record (message type and record id) under two event ids. */
  async ledgerRecordsTwice(
    donorCodes: string[],
  ): Promise<Array<{ code: string; messageType: string; recordId: string; n: number }>> {
    return this.db.query(
      `SELECT "chain_id" AS "code", "message_type" AS "messageType",
              "canonical_content"::jsonb -> 'payload' ->> 'recordId' AS "recordId", count(*)::int AS "n"
         FROM "traceability"."ledger_entry" WHERE "chain_id" = ANY($1)
        GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      [donorCodes],
    );
  }

  /**
   * Per consumer, the events of these journeys written to an outbox it reads that it has neither
   * applied (its inbox) nor set aside yet: empty once every consumer has caught up.
   */
  async eventsNotYetConsumed(donorCodes: string[]): Promise<Map<string, number>> {
    const pending = new Map<string, number>();
    for (const consumer of CONSUMERS)
      for (const outbox of consumer.outboxes) {
        const [{ n }] = await this.db.query(
          `SELECT count(*)::int AS "n" FROM "${outbox}"."outbox" o
            WHERE o."message_key" = ANY($1) AND o."topic" = ANY($2)
              AND NOT EXISTS (SELECT 1 FROM "${consumer.inbox}"."inbox" i WHERE i."event_id" = o."id")
              AND NOT EXISTS (SELECT 1 FROM "${consumer.inbox}"."set_aside_message" s
                               WHERE s."event_id" = o."id"::text)`,
          [donorCodes, consumer.topics],
        );
        if (n) pending.set(consumer.name, (pending.get(consumer.name) ?? 0) + n);
      }
    return pending;
  }

  /** Room bookings of these journeys whose step was not completed (they hold their room). */
  async openBookings(donorCodes: string[]): Promise<string[]> {
    const rows: Array<{ booking_id: string }> = await this.db.query(
      `SELECT "booking_id" FROM "production"."room_booking"
        WHERE "donor_code" = ANY($1) AND "status" = 'booked' AND "completed_at" IS NULL`,
      [donorCodes],
    );
    return rows.map((r) => r.booking_id);
  }
}
