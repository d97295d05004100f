import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'donor_intake';
const KINDS = `('journey-status', 'deviation', 'recall', 'instructions-for-use', 'training-due')`;

/**
 * TRC-04: each institution's notification feed, one row per event a hospital must hear of,
 * made by the notification consumer for the donor's institution on the register. Append-only:
 * a notification is a record of what the site was told; its acknowledgement is another record.
 * No foreign key to the donor: the register's rows end with their retention (QA-03) while the
 * notifications stay as told.
 */
export class CreateInstitutionNotifications1765001700000 implements MigrationInterface {
  name = 'CreateInstitutionNotifications1765001700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."institution_notification" (
      "id" uuid NOT NULL,
      "institution_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "kind" text NOT NULL,
      "severity" text NOT NULL,
      "message_code" text NOT NULL,
      "parameters" jsonb NOT NULL,
      "source_event_id" uuid NOT NULL,
      "source_message_type" text NOT NULL,
      "occurred_at" timestamptz NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_institution_notification" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_institution_notification_source_event" UNIQUE ("source_event_id"),
      CONSTRAINT "UQ_institution_notification_institution" UNIQUE ("id", "institution_id"),
      CONSTRAINT "FK_institution_notification_institution" FOREIGN KEY ("institution_id") REFERENCES "${S}"."institution" ("id"),
      CONSTRAINT "CHK_institution_notification_kind" CHECK ("kind" IN ${KINDS}),
      CONSTRAINT "CHK_institution_notification_severity" CHECK ("severity" IN ('info', 'attention', 'urgent')),
      CONSTRAINT "CHK_institution_notification_parameters" CHECK (jsonb_typeof("parameters") = 'object'),
      CONSTRAINT "CHK_institution_notification_message_code" CHECK ("message_code" ~ '^[a-z][a-z-]{1,63}$')
    )`);
    // The feed's order: an institution's newest first, the id breaking ties.
    await q.query(
      `CREATE INDEX "IDX_institution_notification_feed" ON "${S}"."institution_notification" ("institution_id", "occurred_at" DESC, "id" DESC)`,
    );
    await q.query(
      `CREATE INDEX "IDX_institution_notification_all" ON "${S}"."institution_notification" ("occurred_at" DESC, "id" DESC)`,
    );
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'institution_notification',
      functionName: 'refuse_institution_notification_change',
      message: 'a notification is kept as the institution was told it (TRC-04)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'institution_notification'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'institution_notification',
      'refuse_institution_notification_change',
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."institution_notification"`);
  }
}
