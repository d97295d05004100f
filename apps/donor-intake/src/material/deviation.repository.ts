import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A closure as recorded, and as QA's closure answers it. */
export interface RecordedDeviationClosure {
  deviationId: string;
  investigation: string;
  rootCause: string;
  correctiveAction: string;
  signature: unknown;
}

export interface DeviationClosureRow extends RecordedDeviationClosure {
  eventId: string;
  donorCode: string;
  closedBy: string;
}

/** The deviations raised for donor material (step records) and their closures by QA. */
@Injectable()
export class DeviationRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(donorCode: string, manager: EntityManager = this.dataSource.manager) {
    return manager.query(
      `SELECT r."event_id" AS "deviationId", r."summary" AS "description", r."occurred_at" AS "raisedAt",
              c."investigation", c."root_cause" AS "rootCause", c."corrective_action" AS "correctiveAction",
              c."closed_by" AS "closedBy", c."closed_at" AS "closedAt",
              CASE WHEN c."deviation_id" IS NULL THEN 'open' ELSE 'closed' END AS "status"
         FROM "donor_intake"."step_record" r
         LEFT JOIN "donor_intake"."deviation_closure" c ON c."deviation_id" = r."event_id"
        WHERE r."donor_code" = $1 AND r."record_type" = 'deviation' ORDER BY r."occurred_at"`,
      [donorCode],
    );
  }

  async exists(manager: EntityManager, deviationId: string, donorCode: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT "event_id" FROM "donor_intake"."step_record" WHERE "event_id" = $1 AND "donor_code" = $2 AND "record_type" = 'deviation'`,
      [deviationId, donorCode],
    );
    return rows.length > 0;
  }

  /** The closure recorded under an event id, if any (none for closures recorded before). */
  async closureUnder(
    manager: EntityManager,
    eventId: string,
  ): Promise<RecordedDeviationClosure | undefined> {
    const rows: RecordedDeviationClosure[] = await manager.query(
      `SELECT "deviation_id" AS "deviationId", "investigation", "root_cause" AS "rootCause",
              "corrective_action" AS "correctiveAction", "signature"
         FROM "donor_intake"."deviation_closure" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0];
  }

  /** False when the deviation was already closed (its closure is kept as it was). */
  async insertClosure(manager: EntityManager, closure: DeviationClosureRow): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "donor_intake"."deviation_closure" ("deviation_id", "donor_code", "investigation", "root_cause", "corrective_action", "closed_by", "signature", "event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ("deviation_id") DO NOTHING RETURNING "deviation_id"`,
      [
        closure.deviationId,
        closure.donorCode,
        closure.investigation,
        closure.rootCause,
        closure.correctiveAction,
        closure.closedBy,
        JSON.stringify(closure.signature),
        closure.eventId,
      ],
    );
    return inserted.length > 0;
  }
}
