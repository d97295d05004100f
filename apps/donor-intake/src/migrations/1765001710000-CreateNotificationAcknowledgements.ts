import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTriggerSql, dropAppendOnlyTriggerSql, insertOnlyGrantsSql } from '@v2v/database';

const S = 'donor_intake';

/**
 * TRC-04: a hospital user's acknowledgement of a notification, who and when, once per
 * notification (a repeat finds the first) and never changed. The composite key ties it to the
 * notification's own institution, whatever the client.
 */
export class CreateNotificationAcknowledgements1765001710000 implements MigrationInterface {
  name = 'CreateNotificationAcknowledgements1765001710000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."notification_acknowledgement" (
      "notification_id" uuid NOT NULL,
      "institution_id" text NOT NULL,
      "acknowledged_by" text NOT NULL,
      "acknowledged_by_role" text NOT NULL,
      "note" text,
      "acknowledged_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_notification_acknowledgement" PRIMARY KEY ("notification_id"),
      CONSTRAINT "FK_notification_acknowledgement_notification" FOREIGN KEY ("notification_id", "institution_id") REFERENCES "${S}"."institution_notification" ("id", "institution_id"),
      CONSTRAINT "CHK_notification_acknowledgement_role" CHECK ("acknowledged_by_role" = 'hospital'),
      CONSTRAINT "CHK_notification_acknowledgement_note" CHECK ("note" IS NULL OR length("note") BETWEEN 1 AND 500)
    )`);
    for (const sql of appendOnlyTriggerSql({
      schema: S,
      table: 'notification_acknowledgement',
      functionName: 'refuse_notification_acknowledgement_change',
      message: 'an acknowledgement is kept as recorded (TRC-04)',
      refuse: 'UPDATE OR DELETE',
      truncate: true,
    }))
      await q.query(sql);
    await q.query(insertOnlyGrantsSql(S, 'notification_acknowledgement'));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAppendOnlyTriggerSql(
      S,
      'notification_acknowledgement',
      'refuse_notification_acknowledgement_change',
    ))
      await q.query(sql);
    await q.query(`DROP TABLE "${S}"."notification_acknowledgement"`);
  }
}
