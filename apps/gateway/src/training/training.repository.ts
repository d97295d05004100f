import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { TrainingAssessment } from '@v2v/contracts';
import type { TrainingRecord } from './training-rules';

/** A training record as the user administrator sees it, withdrawn ones included. */
export interface TrainingRecordView {
  id: string;
  username: string;
  operation: string;
  validFrom: string;
  validUntil: string;
  authorizedBy: string;
  /** OTH-02: on a hospital user's record for a hospital-signed step; null on others. */
  assessment: TrainingAssessment | null;
  recordedAt: string;
  withdrawal: { at: string; by: string; reason: string } | null;
}

/** A hospital clinician's record coming due, and whose feed it belongs in (OTH-02). */
export interface TrainingDue {
  id: string;
  username: string;
  operation: string;
  institutionId: string;
  expiresOn: string;
}

interface Row {
  id: string;
  username: string;
  operation: string;
  valid_from: string;
  valid_until: string;
  authorized_by: string;
  assessment_method: TrainingAssessment['method'] | null;
  assessment_result: TrainingAssessment['result'] | null;
  assessor: string | null;
  assessed_on: string | null;
  recorded_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

// Dates as text: node-postgres would turn a `date` into a local-midnight Date.
const COLUMNS = `"id"::text AS "id", "username", "operation", to_char("trained_on", 'YYYY-MM-DD') AS "valid_from",
  to_char("expires_on", 'YYYY-MM-DD') AS "valid_until", "authorized_by", "recorded_at", "withdrawn_at",
  "withdrawn_by", "withdrawal_reason", "assessment_method", "assessment_result", "assessor",
  to_char("assessed_on", 'YYYY-MM-DD') AS "assessed_on"`;

const toView = (r: Row): TrainingRecordView => ({
  id: r.id,
  username: r.username,
  operation: r.operation,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  authorizedBy: r.authorized_by,
  assessment: r.assessment_method
    ? {
        method: r.assessment_method,
        result: r.assessment_result!,
        assessor: r.assessor!,
        assessedOn: r.assessed_on!,
      }
    : null,
  recordedAt: r.recorded_at.toISOString(),
  withdrawal: r.withdrawn_at
    ? { at: r.withdrawn_at.toISOString(), by: r.withdrawn_by!, reason: r.withdrawal_reason! }
    : null,
});

/** The only place with SQL for `gateway.training_record`. */
@Injectable()
export class TrainingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The records that can authorize an operation: withdrawn ones never do. */
  async recordsOf(username: string): Promise<TrainingRecord[]> {
    const rows: Array<Omit<TrainingRecord, 'assessment'> & { result: 'passed' | 'failed' | null }> =
      await this.dataSource.query(
        `SELECT "operation", to_char("trained_on", 'YYYY-MM-DD') AS "trainedOn",
                to_char("expires_on", 'YYYY-MM-DD') AS "expiresOn", "assessment_result" AS "result"
           FROM "gateway"."training_record" WHERE "username" = $1 AND "withdrawn_at" IS NULL`,
        [username],
      );
    return rows.map(({ result, ...r }) => ({ ...r, assessment: result && { result } }));
  }

  async historyOf(username: string): Promise<TrainingRecordView[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM "gateway"."training_record" WHERE "username" = $1
        ORDER BY "operation", "trained_on", "id"`,
      [username],
    );
    return rows.map(toView);
  }

  async insert(
    manager: EntityManager,
    record: Pick<
      TrainingRecordView,
      'username' | 'operation' | 'validFrom' | 'validUntil' | 'authorizedBy' | 'assessment'
    >,
  ): Promise<TrainingRecordView> {
    const a = record.assessment;
    const rows: Row[] = await manager.query(
      `INSERT INTO "gateway"."training_record" ("username", "operation", "trained_on", "expires_on",
         "authorized_by", "assessment_method", "assessment_result", "assessor", "assessed_on")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        record.username,
        record.operation,
        record.validFrom,
        record.validUntil,
        record.authorizedBy,
        a?.method ?? null,
        a?.result ?? null,
        a?.assessor ?? null,
        a?.assessedOn ?? null,
      ],
    );
    return toView(rows[0]);
  }

  /**
   * OTH-02: the records of active hospital clinicians for the given steps that are in force
   * and expire from `today` to `until` (ISO dates), with the clinician's institution; `id`
   * narrows it to one record.
   */
  async comingDue(query: {
    operations: readonly string[];
    today: string;
    until: string;
    id?: string;
  }): Promise<TrainingDue[]> {
    return this.dataSource.query(
      `SELECT t."id"::text AS "id", t."username", t."operation", u."institution_id" AS "institutionId",
              to_char(t."expires_on", 'YYYY-MM-DD') AS "expiresOn"
         FROM "gateway"."training_record" t
         JOIN "gateway"."user_account" u ON u."username" = t."username"
        WHERE u."role" = 'hospital' AND u."institution_id" IS NOT NULL AND u."disabled_at" IS NULL
          AND t."withdrawn_at" IS NULL AND t."operation" = ANY($1::text[])
          AND t."trained_on" <= $2 AND t."expires_on" BETWEEN $2 AND $3
          AND ($4::bigint IS NULL OR t."id" = $4::bigint)
        ORDER BY t."expires_on", t."id"`,
      [query.operations, query.today, query.until, query.id ?? null],
    );
  }

  /** The record of that user, locked until the transaction ends. */
  async findForUpdate(
    manager: EntityManager,
    username: string,
    id: string,
  ): Promise<TrainingRecordView | undefined> {
    if (!/^\d{1,18}$/.test(id)) return undefined;
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM "gateway"."training_record" WHERE "id" = $1 AND "username" = $2 FOR UPDATE`,
      [id, username],
    );
    return rows[0] && toView(rows[0]);
  }

  async withdraw(
    manager: EntityManager,
    id: string,
    withdrawal: { by: string; reason: string },
  ): Promise<TrainingRecordView> {
    const [rows]: [Row[], number] = await manager.query(
      `UPDATE "gateway"."training_record"
          SET "withdrawn_at" = clock_timestamp(), "withdrawn_by" = $2, "withdrawal_reason" = $3
        WHERE "id" = $1 RETURNING ${COLUMNS}`,
      [id, withdrawal.by, withdrawal.reason],
    );
    return toView(rows[0]);
  }
}
