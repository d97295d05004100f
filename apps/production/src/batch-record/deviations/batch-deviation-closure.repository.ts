import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, BatchDeviationStanding, Role } from '@v2v/contracts';

const S = '"production"';
const ISO = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A closure as recorded (production.batch_deviation_closure). */
export interface NewBatchDeviationClosure {
  deviationId: string;
  eventId: string;
  batchNumber: string;
  donorCode: string;
  investigation: string;
  rootCause: string;
  correctiveAction: string;
  signatureId: string;
  closedBy: Actor;
}

interface StandingRow {
  deviationId: string;
  batchNumber: string;
  journeyId: string;
  stepId: string;
  rule: BatchDeviationStanding['rule'];
  message: string;
  raisedAt: string;
  investigation: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  signatureId: string | null;
  closedBy: string | null;
  closedByRole: Role | null;
  closedAt: string | null;
}

const SELECT = `SELECT d."deviation_id" AS "deviationId", d."batch_number" AS "batchNumber",
    b."journey_id" AS "journeyId",
    d."step_id" AS "stepId", d."rule", d."message", ${ISO('d."raised_at"')} AS "raisedAt",
    c."investigation", c."root_cause" AS "rootCause", c."corrective_action" AS "correctiveAction",
    c."signature_id" AS "signatureId", c."closed_by" AS "closedBy",
    c."closed_by_role" AS "closedByRole", ${ISO('c."closed_at"')} AS "closedAt"
  FROM ${S}."batch_deviation" d
  JOIN ${S}."batch" b ON b."batch_number" = d."batch_number"
  LEFT JOIN ${S}."batch_deviation_closure" c ON c."deviation_id" = d."deviation_id"`;

const toStanding = (r: StandingRow): BatchDeviationStanding => ({
  deviationId: r.deviationId,
  batchNumber: r.batchNumber,
  stepId: r.stepId,
  rule: r.rule,
  message: r.message,
  raisedAt: r.raisedAt,
  status: r.signatureId ? 'closed' : 'open',
  closure: r.signatureId
    ? {
        investigation: r.investigation as string,
        rootCause: r.rootCause as string,
        correctiveAction: r.correctiveAction as string,
        signatureId: r.signatureId,
        closedBy: { userId: r.closedBy as string, role: r.closedByRole as Role },
        closedAt: r.closedAt as string,
      }
    : null,
});

/** QA-02.3: the batch record's deviations with QA's closure of each. */
@Injectable()
export class BatchDeviationClosureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The batch's deviations, open or closed, in the order they were raised. */
  async standings(
    batchNumber: string,
    donorCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BatchDeviationStanding[]> {
    const rows: StandingRow[] = await manager.query(
      `${SELECT} WHERE d."batch_number" = $1 AND b."donor_code" = $2
        ORDER BY d."raised_at", d."deviation_id"`,
      [batchNumber, donorCode],
    );
    return rows.map(toStanding);
  }

  /** The deviation of the donor's batch, under a lock that serializes its closures. */
  async deviationForClosure(
    manager: EntityManager,
    target: { batchNumber: string; donorCode: string; deviationId: string },
  ): Promise<(BatchDeviationStanding & { journeyId: string }) | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('batch_deviation:' || $1))`, [
      target.deviationId,
    ]);
    const rows: StandingRow[] = await manager.query(
      `${SELECT} WHERE d."deviation_id"::text = $1 AND d."batch_number" = $2 AND b."donor_code" = $3`,
      [target.deviationId, target.batchNumber, target.donorCode],
    );
    return rows[0] && { ...toStanding(rows[0]), journeyId: rows[0].journeyId };
  }

  /** The deviation closed under an event id, if any (none for closures recorded before). */
  async closureUnder(
    manager: EntityManager,
    eventId: string,
  ): Promise<{ deviationId: string } | undefined> {
    const rows: Array<{ deviationId: string }> = await manager.query(
      `SELECT "deviation_id"::text AS "deviationId" FROM ${S}."batch_deviation_closure"
        WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0];
  }

  async insertClosure(manager: EntityManager, c: NewBatchDeviationClosure): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."batch_deviation_closure" ("deviation_id", "batch_number", "donor_code",
         "investigation", "root_cause", "corrective_action", "signature_id", "closed_by",
         "closed_by_role", "event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        c.deviationId,
        c.batchNumber,
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
