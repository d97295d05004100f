import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'production';
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const KINDS = list([
  'viable-air',
  'settle-plate',
  'contact-plate',
  'glove-print',
  'particles-0.5um',
  'particles-5um',
]);
const MICROBIAL = list(['viable-air', 'settle-plate', 'contact-plate', 'glove-print']);
const ZONES = list(['A', 'B', 'C', 'D']);
const CONCLUSIONS = list(['no-impact', 'impact-batch-rejected', 'impact-further-investigation']);
const blank = (column: string) => `btrim("${column}") <> ''`;

/** Every table here is a record: written once, never changed (a correction is a new row). */
const RECORDS = [
  ['em_session', 'an environmental monitoring session'],
  ['em_result', 'an environmental monitoring result (a correction is a new entry)'],
  ['em_excursion', 'an environmental monitoring excursion'],
  ['em_exposed_batch', 'the batches an excursion exposed'],
  ['em_organism_identification', 'an organism identification'],
  ['em_impact_assessment', 'a contamination impact assessment'],
] as const;
const fn = (table: string) => `refuse_${table}_change`;

/**
 * Environmental monitoring (PRD-05, §9(6)): sessions per room, their results judged against the
 * limit of the zone grade and occupancy state (the outcome is the system's, and the check below
 * refuses one that contradicts value and limit), excursions with the batches they exposed (the
 * production calendar's bookings overlapping the session, fixed when the excursion opens), the
 * organism identified and QA's signed impact assessment per exposed batch. All append-only.
 * The calendar's `room_booking` table belongs to its own, earlier migration and is only read.
 */
export class CreateEnvironmentalMonitoring1765000300000 implements MigrationInterface {
  name = 'CreateEnvironmentalMonitoring1765000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."em_session" (
      "session_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "room_code" text NOT NULL,
      "room_grade" text NOT NULL,
      "occupancy_state" text NOT NULL,
      "started_at" timestamptz NOT NULL,
      "ended_at" timestamptz NOT NULL,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_em_session" PRIMARY KEY ("session_id"),
      CONSTRAINT "UQ_em_session_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_em_session_room" FOREIGN KEY ("room_code") REFERENCES "${S}"."room" ("room_code"),
      CONSTRAINT "CHK_em_session_state" CHECK ("occupancy_state" IN ('at-rest', 'in-operation')),
      CONSTRAINT "CHK_em_session_instants" CHECK ("ended_at" > "started_at"),
      -- Instants as the recording device saw them: never beyond five minutes of clock skew.
      CONSTRAINT "CHK_em_session_not_future" CHECK ("ended_at" <= "recorded_at" + interval '5 minutes')
    )`);
    await q.query(
      `CREATE INDEX "IDX_em_session_room" ON "${S}"."em_session" ("room_code", "started_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."em_result" (
      "result_id" uuid NOT NULL,
      "session_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "position" integer NOT NULL,
      "kind" text NOT NULL,
      "unit" text NOT NULL,
      "zone_grade" text NOT NULL,
      "sample_location" text NOT NULL,
      "value" numeric NOT NULL,
      "limit_value" numeric,
      "outcome" text NOT NULL,
      "corrects_result_id" uuid,
      "correction_reason" text,
      "recorded_by" text NOT NULL,
      "recorded_by_role" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_em_result" PRIMARY KEY ("result_id"),
      CONSTRAINT "UQ_em_result_session" UNIQUE ("session_id", "result_id"),
      CONSTRAINT "UQ_em_result_event_position" UNIQUE ("event_id", "position"),
      CONSTRAINT "FK_em_result_session" FOREIGN KEY ("session_id") REFERENCES "${S}"."em_session" ("session_id"),
      CONSTRAINT "CHK_em_result_kind" CHECK ("kind" IN (${KINDS})),
      CONSTRAINT "CHK_em_result_zone" CHECK ("zone_grade" IN (${ZONES})),
      CONSTRAINT "CHK_em_result_location" CHECK (${blank('sample_location')}),
      CONSTRAINT "CHK_em_result_value" CHECK ("value" >= 0),
      -- PRD-05: the outcome is what value and limit say, whoever writes the row.
      CONSTRAINT "CHK_em_result_outcome" CHECK (CASE "outcome"
        WHEN 'no-limit' THEN "limit_value" IS NULL
        WHEN 'excursion' THEN COALESCE("value" > "limit_value", false)
        WHEN 'within-limit' THEN COALESCE("value" <= "limit_value", false)
        ELSE false END),
      -- A correction replaces one result of its own session, once, and says why.
      CONSTRAINT "FK_em_result_corrects" FOREIGN KEY ("session_id", "corrects_result_id") REFERENCES "${S}"."em_result" ("session_id", "result_id"),
      CONSTRAINT "UQ_em_result_corrects" UNIQUE ("corrects_result_id"),
      CONSTRAINT "CHK_em_result_correction" CHECK (("corrects_result_id" IS NULL) = ("correction_reason" IS NULL)
        AND COALESCE(${blank('correction_reason')}, true))
    )`);
    await q.query(`CREATE TABLE "${S}"."em_excursion" (
      "excursion_id" uuid NOT NULL,
      "session_id" uuid NOT NULL,
      "result_id" uuid NOT NULL,
      "room_code" text NOT NULL,
      "kind" text NOT NULL,
      "microbial" boolean NOT NULL,
      "opened_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_em_excursion" PRIMARY KEY ("excursion_id"),
      CONSTRAINT "UQ_em_excursion_result" UNIQUE ("result_id"),
      CONSTRAINT "FK_em_excursion_result" FOREIGN KEY ("session_id", "result_id") REFERENCES "${S}"."em_result" ("session_id", "result_id"),
      CONSTRAINT "CHK_em_excursion_microbial" CHECK ("microbial" = ("kind" IN (${MICROBIAL})))
    )`);
    await q.query(`CREATE TABLE "${S}"."em_exposed_batch" (
      "excursion_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "product_code" text NOT NULL,
      "booking_ids" uuid[] NOT NULL,
      "batch_number" text,
      CONSTRAINT "PK_em_exposed_batch" PRIMARY KEY ("excursion_id", "donor_code"),
      CONSTRAINT "FK_em_exposed_batch_excursion" FOREIGN KEY ("excursion_id") REFERENCES "${S}"."em_excursion" ("excursion_id")
    )`);
    await q.query(
      `CREATE INDEX "IDX_em_exposed_batch_donor" ON "${S}"."em_exposed_batch" ("donor_code")`,
    );
    await q.query(`CREATE TABLE "${S}"."em_organism_identification" (
      "identification_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "excursion_id" uuid NOT NULL,
      "genus" text NOT NULL,
      "species" text,
      "method" text NOT NULL,
      "identified_by" text NOT NULL,
      "identified_by_role" text NOT NULL,
      "identified_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_em_organism_identification" PRIMARY KEY ("identification_id"),
      CONSTRAINT "UQ_em_organism_identification_event" UNIQUE ("event_id"),
      CONSTRAINT "UQ_em_organism_identification_excursion" UNIQUE ("excursion_id"),
      CONSTRAINT "FK_em_organism_identification_excursion" FOREIGN KEY ("excursion_id") REFERENCES "${S}"."em_excursion" ("excursion_id"),
      CONSTRAINT "CHK_em_organism_identification_text" CHECK (${blank('genus')} AND ${blank('method')})
    )`);
    await q.query(`CREATE TABLE "${S}"."em_impact_assessment" (
      "assessment_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "excursion_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "conclusion" text NOT NULL,
      "rationale" text NOT NULL,
      "signature_id" uuid NOT NULL,
      "supersedes_assessment_id" uuid,
      "assessed_by" text NOT NULL,
      "assessed_by_role" text NOT NULL,
      "assessed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_em_impact_assessment" PRIMARY KEY ("assessment_id"),
      CONSTRAINT "UQ_em_impact_assessment_event" UNIQUE ("event_id"),
      CONSTRAINT "UQ_em_impact_assessment_signature" UNIQUE ("signature_id"),
      CONSTRAINT "FK_em_impact_assessment_signature" FOREIGN KEY ("signature_id") REFERENCES "${S}"."electronic_signature" ("signature_id"),
      CONSTRAINT "FK_em_impact_assessment_batch" FOREIGN KEY ("excursion_id", "donor_code") REFERENCES "${S}"."em_exposed_batch" ("excursion_id", "donor_code"),
      CONSTRAINT "CHK_em_impact_assessment_conclusion" CHECK ("conclusion" IN (${CONCLUSIONS})),
      CONSTRAINT "CHK_em_impact_assessment_rationale" CHECK (${blank('rationale')}),
      -- One chain per exposed batch: a follow-up supersedes the latest, once.
      CONSTRAINT "UQ_em_impact_assessment_supersedes" UNIQUE ("supersedes_assessment_id"),
      CONSTRAINT "FK_em_impact_assessment_supersedes" FOREIGN KEY ("supersedes_assessment_id") REFERENCES "${S}"."em_impact_assessment" ("assessment_id")
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_em_impact_assessment_first" ON "${S}"."em_impact_assessment" ("excursion_id", "donor_code") WHERE "supersedes_assessment_id" IS NULL`,
    );
    for (const [table, what] of RECORDS) {
      for (const sql of appendOnlyTriggerSql({
        schema: S,
        table,
        functionName: fn(table),
        message: `${what} is recorded once and never changed or deleted (PRD-05)`,
        refuse: 'UPDATE OR DELETE',
        truncate: true,
      }))
        await q.query(sql);
      await q.query(insertOnlyGrantsSql(S, table));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of [...RECORDS].reverse()) {
      for (const sql of dropAppendOnlyTriggerSql(S, table, fn(table))) await q.query(sql);
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
