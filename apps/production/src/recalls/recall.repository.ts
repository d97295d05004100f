import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  Recall,
  RecallClassification,
  RecallDisposition,
  RecallScope,
  RecallUnit,
} from '@v2v/contracts';
import { unitStatusOf } from './recall-rules';

const S = '"production"';

/** What a recall names: a batch number, or a key-material lot id. */
export interface RecallTarget {
  scope: RecallScope;
  batchNumber?: string;
  lotId?: string;
}

/** A journey the genealogy reaches from a target, with the recalled batches it has. */
export interface AffectedJourney {
  donorCode: string;
  journeyId: string;
  batchNumbers: string[];
}

export interface NewRecall {
  recallId: string;
  target: RecallTarget;
  reason: string;
  classification: RecallClassification;
  signatureId: string;
  decidedBy: Actor;
}

export interface NewDisposition {
  recallId: string;
  donorCode: string;
  eventId: string;
  disposition: RecallDisposition;
  note: string;
  recordedBy: Actor;
}

/**
 * TRC-01: the journeys a target reaches, in one query through the genealogy: a batch → its
 * donor code; a lot → every batch that consumed it (key_material_consumption) → their donor
 * codes. A journey with a failed batch and its re-make lists both when both are concerned.
 */
const AFFECTED_JOURNEYS = `SELECT g."donor_code" AS "donorCode", g."journey_id" AS "journeyId",
    array_agg(DISTINCT g."batch_number" ORDER BY g."batch_number") AS "batchNumbers"
  FROM (
    SELECT b."batch_number", b."donor_code", b."journey_id" FROM ${S}."batch" b
     WHERE $1::text = 'batch' AND b."batch_number" = $2::text
    UNION
    SELECT c."batch_number", c."donor_code", c."journey_id" FROM ${S}."key_material_consumption" c
     WHERE $1::text = 'key-material-lot' AND c."lot_id" = $3::text
  ) g
 GROUP BY g."donor_code", g."journey_id"`;

interface RecallRow {
  recallId: string;
  scope: RecallScope;
  batchNumber: string | null;
  lotId: string | null;
  reason: string;
  classification: RecallClassification;
  signatureId: string;
  decidedBy: string;
  decidedByRole: Actor['role'];
  decidedAt: Date;
}

interface UnitRow {
  recallId: string;
  donorCode: string;
  journeyId: string;
  batchNumbers: string[];
  disposition: RecallDisposition | null;
  note: string | null;
  recordedBy: string | null;
  recordedByRole: Actor['role'] | null;
  recordedAt: Date | null;
}

const SELECT_RECALLS = `SELECT "recall_id" AS "recallId", "scope", "batch_number" AS "batchNumber",
    "lot_id" AS "lotId", "reason", "classification", "signature_id" AS "signatureId",
    "decided_by" AS "decidedBy", "decided_by_role" AS "decidedByRole", "decided_at" AS "decidedAt"
  FROM ${S}."recall"`;
const SELECT_UNITS = `SELECT u."recall_id" AS "recallId", u."donor_code" AS "donorCode",
    u."journey_id" AS "journeyId", u."batch_numbers" AS "batchNumbers", d."disposition", d."note",
    d."recorded_by" AS "recordedBy", d."recorded_by_role" AS "recordedByRole",
    d."recorded_at" AS "recordedAt"
  FROM ${S}."recall_unit" u
  LEFT JOIN ${S}."recall_unit_disposition" d USING ("recall_id", "donor_code")`;

const toUnit = (r: UnitRow): RecallUnit => ({
  donorCode: r.donorCode,
  journeyId: r.journeyId,
  batchNumbers: r.batchNumbers,
  status: unitStatusOf(r.disposition),
  disposition:
    r.disposition === null
      ? null
      : {
          disposition: r.disposition,
          note: r.note as string,
          recordedBy: { userId: r.recordedBy as string, role: r.recordedByRole as Actor['role'] },
          recordedAt: (r.recordedAt as Date).toISOString(),
        },
});

const toRecall = (r: RecallRow, units: UnitRow[]): Recall => ({
  recallId: r.recallId,
  scope: r.scope,
  batchNumber: r.batchNumber,
  lotId: r.lotId,
  reason: r.reason,
  classification: r.classification,
  decidedBy: { userId: r.decidedBy, role: r.decidedByRole },
  decidedAt: r.decidedAt.toISOString(),
  signatureId: r.signatureId,
  units: units.filter((u) => u.recallId === r.recallId).map(toUnit),
});

const targetParams = (t: RecallTarget) => [t.scope, t.batchNumber ?? null, t.lotId ?? null];

/** QA-04, TRC-01: recalls, the journeys they reached and how each unit ended. All SQL here. */
@Injectable()
export class RecallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the batch or lot is on record at all (else the recall names nothing). */
  async targetKnown(target: RecallTarget, manager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      target.scope === 'batch'
        ? `SELECT 1 FROM ${S}."batch" WHERE "batch_number" = $1`
        : `SELECT 1 FROM ${S}."key_material_lot" WHERE "lot_id" = $1`,
      [target.scope === 'batch' ? target.batchNumber : target.lotId],
    );
    return rows.length > 0;
  }

  affectedJourneys(
    target: RecallTarget,
    manager = this.dataSource.manager,
  ): Promise<AffectedJourney[]> {
    return manager.query(`${AFFECTED_JOURNEYS} ORDER BY g."donor_code"`, targetParams(target));
  }

  async insertRecall(manager: EntityManager, r: NewRecall): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."recall" ("recall_id", "scope", "batch_number", "lot_id", "reason",
         "classification", "signature_id", "decided_by", "decided_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        r.recallId,
        ...targetParams(r.target),
        r.reason,
        r.classification,
        r.signatureId,
        r.decidedBy.userId,
        r.decidedBy.role,
      ],
    );
  }

  /** One unit per journey the genealogy reaches, found and recorded in the same statement. */
  insertUnits(
    manager: EntityManager,
    recallId: string,
    target: RecallTarget,
  ): Promise<AffectedJourney[]> {
    return manager.query(
      `INSERT INTO ${S}."recall_unit" ("recall_id", "donor_code", "journey_id", "batch_numbers")
       SELECT $4::uuid, a."donorCode", a."journeyId", a."batchNumbers" FROM (${AFFECTED_JOURNEYS}) a
       ORDER BY a."donorCode"
       RETURNING "donor_code" AS "donorCode", "journey_id" AS "journeyId",
         "batch_numbers" AS "batchNumbers"`,
      [...targetParams(target), recallId],
    );
  }

  async recall(recallId: string, manager = this.dataSource.manager): Promise<Recall | undefined> {
    const rows: RecallRow[] = await manager.query(
      `${SELECT_RECALLS} WHERE "recall_id"::text = $1`,
      [recallId],
    );
    if (!rows[0]) return undefined;
    const units: UnitRow[] = await manager.query(
      `${SELECT_UNITS} WHERE u."recall_id" = $1 ORDER BY u."donor_code"`,
      [recallId],
    );
    return toRecall(rows[0], units);
  }

  /** Every recall, newest first, each with its units. */
  async list(): Promise<Recall[]> {
    const rows: RecallRow[] = await this.dataSource.query(
      `${SELECT_RECALLS} ORDER BY "decided_at" DESC, "recall_id"`,
    );
    const units: UnitRow[] = await this.dataSource.query(
      `${SELECT_UNITS} WHERE u."recall_id" = ANY($1::uuid[]) ORDER BY u."donor_code"`,
      [rows.map((r) => r.recallId)],
    );
    return rows.map((r) => toRecall(r, units));
  }

  /** The unit of the recall, under a lock that serializes its dispositions. */
  async unitForDisposition(
    manager: EntityManager,
    recallId: string,
    donorCode: string,
  ): Promise<RecallUnit | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('recall_unit:' || $1 || $2))`, [
      recallId,
      donorCode,
    ]);
    const rows: UnitRow[] = await manager.query(
      `${SELECT_UNITS} WHERE u."recall_id"::text = $1 AND u."donor_code" = $2`,
      [recallId, donorCode],
    );
    return rows[0] && toUnit(rows[0]);
  }

  /** The unit a disposition's event id was recorded for, if it was. */
  async unitOfDisposition(
    eventId: string,
  ): Promise<{ recallId: string; unit: RecallUnit } | undefined> {
    const rows: UnitRow[] = await this.dataSource.query(
      `${SELECT_UNITS} WHERE d."event_id" = $1::uuid`,
      [eventId],
    );
    return rows[0] && { recallId: rows[0].recallId, unit: toUnit(rows[0]) };
  }

  async insertDisposition(manager: EntityManager, d: NewDisposition): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."recall_unit_disposition" ("recall_id", "donor_code", "event_id",
         "disposition", "note", "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        d.recallId,
        d.donorCode,
        d.eventId,
        d.disposition,
        d.note,
        d.recordedBy.userId,
        d.recordedBy.role,
      ],
    );
  }
}
