import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, InstitutionNotification } from '@v2v/contracts';
import type { FeedPosition, NotificationDraft } from './notification-rules';

const S = '"donor_intake"';

/** A notification as stored, without the read-time `overdue`. */
export type StoredNotification = Omit<InstitutionNotification, 'overdue'>;

interface NotificationRow {
  id: string;
  institutionId: string;
  donorCode: string | null;
  kind: InstitutionNotification['kind'];
  severity: InstitutionNotification['severity'];
  messageCode: string;
  parameters: InstitutionNotification['parameters'];
  sourceEventId: string;
  sourceMessageType: string;
  occurredAt: Date;
  recordedAt: Date;
  acknowledgedBy: string | null;
  acknowledgedByRole: Actor['role'] | null;
  acknowledgedAt: Date | null;
  note: string | null;
}

const SELECT = `SELECT n."id", n."institution_id" AS "institutionId", n."donor_code" AS "donorCode",
    n."kind", n."severity", n."message_code" AS "messageCode", n."parameters",
    n."source_event_id" AS "sourceEventId", n."source_message_type" AS "sourceMessageType",
    n."occurred_at" AS "occurredAt", n."recorded_at" AS "recordedAt",
    a."acknowledged_by" AS "acknowledgedBy", a."acknowledged_by_role" AS "acknowledgedByRole",
    a."acknowledged_at" AS "acknowledgedAt", a."note"
  FROM ${S}."institution_notification" n
  LEFT JOIN ${S}."notification_acknowledgement" a ON a."notification_id" = n."id"`;

/** The institutions' notification feeds and their acknowledgements (TRC-04). */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The institution the donor register holds the code for; undefined when it holds none. */
  async institutionOf(manager: EntityManager, donorCode: string): Promise<string | undefined> {
    const rows: Array<{ institutionId: string }> = await manager.query(
      `SELECT "institution_id" AS "institutionId" FROM ${S}."donor" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows[0]?.institutionId;
  }

  /**
   * Inserts the notification unless its source event made one already; false then. The time is
   * kept to the millisecond, so that a page's cursor names it exactly.
   */
  async insertOnce(
    manager: EntityManager,
    row: Omit<NotificationDraft, 'donorCode'> & {
      id: string;
      institutionId: string;
      donorCode: string | null;
    },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${S}."institution_notification" ("id", "institution_id", "donor_code", "kind",
         "severity", "message_code", "parameters", "source_event_id", "source_message_type",
         "occurred_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, date_trunc('milliseconds', $10::timestamptz))
       ON CONFLICT ("source_event_id") DO NOTHING RETURNING "id"`,
      [
        row.id,
        row.institutionId,
        row.donorCode,
        row.kind,
        row.severity,
        row.messageCode,
        JSON.stringify(row.parameters),
        row.sourceEventId,
        row.sourceMessageType,
        row.occurredAt,
      ],
    );
    return inserted.length === 1;
  }

  async find(
    notificationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredNotification | undefined> {
    const rows: NotificationRow[] = await manager.query(`${SELECT} WHERE n."id" = $1`, [
      notificationId,
    ]);
    return rows[0] && stored(rows[0]);
  }

  /**
   * One page of the feed, newest first: one institution's or every one's, only the
   * unacknowledged if asked, after `before` (the previous page's last) if given.
   */
  async page(query: {
    institutionId?: string;
    unacknowledged?: boolean;
    before?: FeedPosition;
    limit: number;
  }): Promise<StoredNotification[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.institutionId !== undefined) {
      params.push(query.institutionId);
      where.push(`n."institution_id" = $${params.length}`);
    }
    if (query.unacknowledged) where.push(`a."notification_id" IS NULL`);
    if (query.before) {
      params.push(query.before.occurredAt, query.before.id);
      where.push(
        `(n."occurred_at", n."id") < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(query.limit);
    const rows: NotificationRow[] = await this.dataSource.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY n."occurred_at" DESC, n."id" DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(stored);
  }

  /** Records the acknowledgement unless the notification has one; false then. */
  async acknowledgeOnce(
    manager: EntityManager,
    ack: { notificationId: string; institutionId: string; by: Actor; note: string | null },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${S}."notification_acknowledgement" ("notification_id", "institution_id",
         "acknowledged_by", "acknowledged_by_role", "note")
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("notification_id") DO NOTHING
       RETURNING "notification_id"`,
      [ack.notificationId, ack.institutionId, ack.by.userId, ack.by.role, ack.note],
    );
    return inserted.length === 1;
  }
}

function stored(row: NotificationRow): StoredNotification {
  const { acknowledgedBy, acknowledgedByRole, acknowledgedAt, note, ...notification } = row;
  return {
    ...notification,
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    acknowledgement:
      acknowledgedBy && acknowledgedByRole && acknowledgedAt
        ? {
            acknowledgedBy: { userId: acknowledgedBy, role: acknowledgedByRole },
            acknowledgedAt: acknowledgedAt.toISOString(),
            note,
          }
        : null,
  };
}
