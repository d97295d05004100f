import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'release';
const FUNCTION = 'refuse_adverse_reaction_change';

/**
 * An adverse reaction after the infusion, reported by the patient's hospital (TRC-04): once per
 * event id, with its CTCAE grade, seriousness and outcome; never changed or deleted (a later
 * development is a new report).
 */
export class CreateAdverseReactions1765001910000 implements MigrationInterface {
  name = 'CreateAdverseReactions1765001910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."adverse_reaction" (
      "reaction_id" uuid NOT NULL,
      "donor_code" text NOT NULL,
      "journey_id" text NOT NULL,
      "event_id" text NOT NULL,
      "description" text NOT NULL,
      "onset_at" timestamptz NOT NULL,
      "severity_grade" smallint NOT NULL,
      "serious" boolean NOT NULL,
      "outcome" text NOT NULL,
      "infusion_record_id" uuid NOT NULL,
      "reported_by" text NOT NULL,
      "reported_by_role" text NOT NULL,
      "reported_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_adverse_reaction" PRIMARY KEY ("reaction_id"),
      CONSTRAINT "UQ_adverse_reaction_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_adverse_reaction_infusion" FOREIGN KEY ("infusion_record_id")
        REFERENCES "${S}"."step_record" ("id"),
      CONSTRAINT "CHK_adverse_reaction_grade" CHECK ("severity_grade" BETWEEN 1 AND 5),
      CONSTRAINT "CHK_adverse_reaction_outcome" CHECK ("outcome" IN ('recovered', 'recovering',
        'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown')),
      CONSTRAINT "CHK_adverse_reaction_description" CHECK (btrim("description") <> ''),
      CONSTRAINT "CHK_adverse_reaction_reporter" CHECK ("reported_by_role" = 'hospital')
    )`);
    await q.query(
      `CREATE INDEX "IDX_adverse_reaction_donor" ON "${S}"."adverse_reaction" ("donor_code", "onset_at")`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'adverse_reaction',
      functionName: FUNCTION,
      message: 'an adverse reaction is recorded once and never changed (TRC-04)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'adverse_reaction'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(S, 'adverse_reaction', FUNCTION)) await q.query(sql);
    await q.query(`DROP TABLE "${S}"."adverse_reaction"`);
  }
}
