import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  ElectronicSignature,
  InstitutionRegistration,
  InstitutionStatus,
  QualityAgreement,
} from '@v2v/contracts';

export interface Institution {
  id: string;
  name: string;
  facilityCode: string;
  status: InstitutionStatus;
  agreementExpiresOn: string | null;
  nextReviewDue: string | null;
  qualityAgreementId: string | null;
}

export interface RecordedDecision {
  decisionId: string;
  institutionId: string;
  decision: string;
  fromStatus: InstitutionStatus | null;
  status: InstitutionStatus;
  reason: string;
  detail: Record<string, unknown>;
  decidedBy: Actor;
  signature: ElectronicSignature;
  decidedAt: string;
}

const INSTITUTION_COLUMNS = `"id", "name", "facility_code" AS "facilityCode", "status",
  to_char("agreement_expires_on", 'YYYY-MM-DD') AS "agreementExpiresOn",
  to_char("next_review_due", 'YYYY-MM-DD') AS "nextReviewDue",
  "quality_agreement_id" AS "qualityAgreementId"`;
const DECISION_COLUMNS = `"decision_id" AS "decisionId", "institution_id" AS "institutionId", "decision",
  "from_status" AS "fromStatus", "to_status" AS "status", "reason", "detail",
  json_build_object('userId', "decided_by", 'role', "decided_role") AS "decidedBy", "signature",
  to_char("decided_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt"`;

/** The institution register and its qualification records (DON-02). */
@Injectable()
export class InstitutionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock?: 'FOR UPDATE',
  ): Promise<Institution | undefined> {
    const rows = await manager.query(
      `SELECT ${INSTITUTION_COLUMNS} FROM "donor_intake"."institution" WHERE "id" = $1 ${lock ?? ''}`,
      [id],
    );
    return rows[0];
  }

  async list(): Promise<Institution[]> {
    return this.dataSource.query(
      `SELECT ${INSTITUTION_COLUMNS} FROM "donor_intake"."institution" ORDER BY "id"`,
    );
  }

  /** An institution with its agreement in force and its whole qualification history. */
  async detail(id: string) {
    const institution = await this.findById(id);
    if (!institution) return undefined;
    const { qualityAgreementId, ...standing } = institution;
    const [agreement] = qualityAgreementId
      ? await this.dataSource.query(
          `SELECT "id", "reference", "terms", to_char("effective_from", 'YYYY-MM-DD') AS "effectiveFrom",
                  to_char("expires_on", 'YYYY-MM-DD') AS "expiresOn", "decision_id" AS "decisionId"
             FROM "donor_intake"."quality_agreement" WHERE "id" = $1`,
          [qualityAgreementId],
        )
      : [];
    const decisions: RecordedDecision[] = await this.dataSource.query(
      `SELECT ${DECISION_COLUMNS},
              COALESCE((SELECT json_agg(n."donor_code" ORDER BY n."donor_code") FROM "donor_intake"."institution_notice" n
                         WHERE n."decision_id" = d."decision_id"), '[]'::json) AS "notifiedJourneys"
         FROM "donor_intake"."institution_decision" d WHERE "institution_id" = $1 ORDER BY "decided_at", "decision_id"`,
      [id],
    );
    return {
      ...standing,
      qualityAgreement: agreement ? flattenAgreement(agreement) : null,
      decisions,
    };
  }

  async findDecision(
    decisionId: string,
    manager: EntityManager,
  ): Promise<RecordedDecision | undefined> {
    const rows = await manager.query(
      `SELECT ${DECISION_COLUMNS} FROM "donor_intake"."institution_decision" WHERE "decision_id" = $1`,
      [decisionId],
    );
    return rows[0];
  }

  async insert(manager: EntityManager, registration: InstitutionRegistration): Promise<void> {
    await manager.query(
      `INSERT INTO "donor_intake"."institution" ("id", "name", "facility_code", "status") VALUES ($1, $2, $3, 'assessment')`,
      [registration.institutionId, registration.name, registration.facilityCode],
    );
  }

  async recordDecision(
    manager: EntityManager,
    decision: Omit<RecordedDecision, 'decidedAt'>,
  ): Promise<RecordedDecision> {
    await manager.query(
      `INSERT INTO "donor_intake"."institution_decision"
         ("decision_id", "institution_id", "decision", "from_status", "to_status", "reason", "detail", "decided_by", "decided_role", "signature")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        decision.decisionId,
        decision.institutionId,
        decision.decision,
        decision.fromStatus,
        decision.status,
        decision.reason,
        JSON.stringify(decision.detail),
        decision.decidedBy.userId,
        decision.decidedBy.role,
        JSON.stringify(decision.signature),
      ],
    );
    return (await this.findDecision(decision.decisionId, manager))!;
  }

  /** Records a new agreement version and returns its id. */
  async recordAgreement(
    manager: EntityManager,
    institutionId: string,
    decisionId: string,
    agreement: QualityAgreement,
  ): Promise<string> {
    const [{ count }] = await manager.query(
      `SELECT count(*)::int AS "count" FROM "donor_intake"."quality_agreement" WHERE "institution_id" = $1`,
      [institutionId],
    );
    const id = `${institutionId}/QA-AGR-${count + 1}`;
    const { reference, effectiveFrom, expiresOn, ...terms } = agreement;
    await manager.query(
      `INSERT INTO "donor_intake"."quality_agreement" ("id", "institution_id", "reference", "terms", "effective_from", "expires_on", "decision_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, institutionId, reference, JSON.stringify(terms), effectiveFrom, expiresOn, decisionId],
    );
    return id;
  }

  async updateStanding(
    manager: EntityManager,
    id: string,
    standing: {
      status: InstitutionStatus;
      nextReviewDue?: string;
      agreement?: { id: string; expiresOn: string };
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE "donor_intake"."institution"
          SET "status" = $2,
              "next_review_due" = COALESCE($3::date, "next_review_due"),
              "quality_agreement_id" = COALESCE($4, "quality_agreement_id"),
              "agreement_expires_on" = COALESCE($5::date, "agreement_expires_on")
        WHERE "id" = $1`,
      [
        id,
        standing.status,
        standing.nextReviewDue ?? null,
        standing.agreement?.id ?? null,
        standing.agreement?.expiresOn ?? null,
      ],
    );
  }

  async recordNotice(manager: EntityManager, decisionId: string, donorCode: string): Promise<void> {
    await manager.query(
      `INSERT INTO "donor_intake"."institution_notice" ("decision_id", "donor_code") VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [decisionId, donorCode],
    );
  }

  /**
   * Donor codes of the institution registered since a moment: journeys too new to be in Temporal's
   * visibility yet.
   */
  async donorCodesRegisteredSince(
    manager: EntityManager,
    institutionId: string,
    since: Date,
  ): Promise<string[]> {
    const rows: Array<{ donorCode: string }> = await manager.query(
      `SELECT "donor_code" AS "donorCode" FROM "donor_intake"."donor" WHERE "institution_id" = $1 AND "registered_at" >= $2`,
      [institutionId, since],
    );
    return rows.map((r) => r.donorCode);
  }

  /** An institution already holding this id or this facility code, if any. */
  async findClash(
    manager: EntityManager,
    institutionId: string,
    facilityCode: string,
  ): Promise<{ id: string; facilityCode: string } | undefined> {
    const rows = await manager.query(
      `SELECT "id", "facility_code" AS "facilityCode" FROM "donor_intake"."institution" WHERE "id" = $1 OR "facility_code" = $2`,
      [institutionId, facilityCode],
    );
    return rows[0];
  }
}

function flattenAgreement(row: { terms: Record<string, string> } & Record<string, unknown>) {
  const { terms, ...rest } = row;
  return { ...rest, ...terms };
}
