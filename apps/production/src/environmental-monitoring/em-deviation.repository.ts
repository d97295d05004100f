import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, Role } from '@v2v/contracts';

const S = '"production"';

/** A deviation an excursion raised on a journey, as the journey's deviations list shows it. */
export interface EmDeviation {
  deviationId: string;
  description: string;
  raisedAt: string;
  investigation: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  closedBy: string | null;
  closedAt: string | null;
  status: 'open' | 'closed';
}

export interface EmDeviationClosure {
  deviationId: string;
  donorCode: string;
  investigation: string;
  rootCause: string;
  correctiveAction: string;
  signatureId: string;
  closedBy: Actor;
}

const SELECT = `SELECT e."deviation_id" AS "deviationId", e."deviation_description" AS "description",
    x."opened_at" AS "raisedAt", c."investigation", c."root_cause" AS "rootCause",
    c."corrective_action" AS "correctiveAction", c."closed_by" AS "closedBy", c."closed_at" AS "closedAt",
    CASE WHEN c."deviation_id" IS NULL THEN 'open' ELSE 'closed' END AS "status"
  FROM ${S}."em_exposed_batch" e
  JOIN ${S}."em_excursion" x USING ("excursion_id")
  LEFT JOIN ${S}."em_deviation_closure" c ON c."deviation_id" = e."deviation_id"`;

/** PRD-05: the deviations excursions raised on journeys, and QA's closures of them. */
@Injectable()
export class EmDeviationRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(donorCode: string, manager = this.dataSource.manager): Promise<EmDeviation[]> {
    return manager.query(
      `${SELECT} WHERE e."donor_code" = $1 AND e."deviation_id" IS NOT NULL ORDER BY x."opened_at"`,
      [donorCode],
    );
  }

  /** The deviation of the donor code, under a lock that serializes its closures. */
  async deviationForClosure(
    manager: EntityManager,
    deviationId: string,
    donorCode: string,
  ): Promise<EmDeviation | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('em_deviation:' || $1))`, [
      deviationId,
    ]);
    const rows: EmDeviation[] = await manager.query(
      `${SELECT} WHERE e."deviation_id" = $1 AND e."donor_code" = $2`,
      [deviationId, donorCode],
    );
    return rows[0];
  }

  /** The closure recorded under an event id, if any (none for closures recorded before). */
  async closureUnder(
    manager: EntityManager,
    eventId: string,
  ): Promise<EmDeviationClosure | undefined> {
    type Row = Omit<EmDeviationClosure, 'closedBy'> & { closedBy: string; closedByRole: Role };
    const rows: Row[] = await manager.query(
      `SELECT "deviation_id" AS "deviationId", "donor_code" AS "donorCode", "investigation",
              "root_cause" AS "rootCause", "corrective_action" AS "correctiveAction",
              "signature_id" AS "signatureId", "closed_by" AS "closedBy",
              "closed_by_role" AS "closedByRole"
         FROM ${S}."em_deviation_closure" WHERE "event_id" = $1`,
      [eventId],
    );
    const row = rows[0];
    if (!row) return undefined;
    const { closedBy, closedByRole, ...closure } = row;
    return { ...closure, closedBy: { userId: closedBy, role: closedByRole } };
  }

  async insertClosure(
    manager: EntityManager,
    c: EmDeviationClosure & { eventId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."em_deviation_closure" ("deviation_id", "donor_code", "investigation",
         "root_cause", "corrective_action", "signature_id", "closed_by", "closed_by_role",
         "event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        c.deviationId,
        c.donorCode,
        c.investigation,
        c.rootCause,
        c.correctiveAction,
        c.signatureId,
        c.closedBy.userId,
        c.closedBy.role,
        c.eventId,
      ],
    );
  }
}
