import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  BedsideVerification,
  EmergencyDecision,
  EmergencyDisposition,
  Role,
  SiteEmergencyKind,
} from '@v2v/contracts';
import type { SiteStanding } from './site-emergency-rules';

const S = '"release"';
type Row = Record<string, unknown>;

/** The journey's release that stands: its latest, not voided since (CSV-02). */
export interface StandingRelease {
  recordId: string;
  recordedAt: string;
  batchNumber: string | null;
  /** The tests the conditional release left to follow it. */
  resultsToFollow: string[];
}

export interface NewProductEmergency {
  emergencyId: string;
  donorCode: string;
  journeyId: string;
  testCode: string;
  qcResultId: string;
  investigationId: string | null;
  releaseRecordId: string;
  description: string;
  raisedAt: string;
  stepEventId: string;
}

/** A bedside check whose scan did not match, refused (QA-04, TRC-03): once per attempt. */
export interface NewBedsideMismatch {
  emergencyId: string;
  donorCode: string;
  journeyId: string;
  description: string;
  /** Both clinicians' scans as they were made. */
  bedsideScans: BedsideVerification[];
  raisedAt: string;
  stepEventId: string;
}

/** An emergency found at the site: by the receipt inspection or reported after it (QA-04). */
export interface NewSiteEmergency {
  emergencyId: string;
  donorCode: string;
  journeyId: string;
  kind: SiteEmergencyKind;
  siteSource: 'receipt' | 'report';
  description: string;
  foundAt: string;
  foundBy: Actor;
  raisedAt: string;
  /** The receipt's event id, or the report's. */
  stepEventId: string;
}

/** An emergency as the journey's deviations list shows it (QA-04). */
export interface ProductEmergency {
  deviationId: string;
  rule: 'QA-04';
  donorCode: string;
  kind:
    'qc-result-after-release' | 'bedside-mismatch' | 'temperature-excursion' | SiteEmergencyKind;
  /** Found at the site: by the receipt inspection or a report; null for the other kinds. */
  siteSource: 'receipt' | 'report' | null;
  foundAt: string | null;
  foundBy: string | null;
  /** The late QC result's; a bedside mismatch has none. */
  testCode: string | null;
  qcResultId: string | null;
  investigationId: string | null;
  bedsideScans: BedsideVerification[] | null;
  description: string;
  raisedAt: string;
  investigation: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  closedBy: string | null;
  closedAt: string | null;
  /** QA's decision at the closure; null for closures recorded without one. */
  preventiveAction: string | null;
  disposition: EmergencyDisposition | null;
  recallDecision: 'not-needed' | 'raised' | null;
  recallRationale: string | null;
  recallId: string | null;
  /** The closure's electronic signature (meaning `closed`). */
  signatureId: string | null;
  /** The batch of the journey's latest release, if any. */
  batchNumber: string | null;
  status: 'open' | 'closed';
}

export interface ProductEmergencyClosure {
  emergencyId: string;
  donorCode: string;
  investigation: string;
  rootCause: string;
  correctiveAction: string;
  signatureId: string;
  closedBy: Actor;
  decision?: EmergencyDecision;
}

const SELECT = `SELECT e."emergency_id" AS "deviationId", 'QA-04' AS "rule", e."kind",
    e."donor_code" AS "donorCode",
    e."test_code" AS "testCode", e."qc_result_id"::text AS "qcResultId",
    e."investigation_id" AS "investigationId", e."bedside_scans" AS "bedsideScans",
    e."description", e."raised_at" AS "raisedAt", e."site_source" AS "siteSource",
    e."found_at" AS "foundAt", e."found_by" AS "foundBy",
    c."investigation", c."root_cause" AS "rootCause", c."corrective_action" AS "correctiveAction",
    c."closed_by" AS "closedBy", c."closed_at" AS "closedAt",
    c."preventive_action" AS "preventiveAction", c."disposition",
    c."recall_decision" AS "recallDecision", c."recall_rationale" AS "recallRationale",
    c."recall_id" AS "recallId", c."signature_id" AS "signatureId",
    (SELECT r."detail"->'releaseGates'->>'batchNumber' FROM ${S}."step_record" r
      WHERE r."donor_code" = e."donor_code" AND r."step" = 'releaseBatch'
      ORDER BY r."recorded_at" DESC LIMIT 1) AS "batchNumber",
    CASE WHEN c."emergency_id" IS NULL THEN 'open' ELSE 'closed' END AS "status"
  FROM ${S}."product_emergency" e
  LEFT JOIN ${S}."product_emergency_closure" c USING ("emergency_id")`;

/** QA-04: the emergencies raised on a journey's product, their closures, and its release. */
@Injectable()
export class ProductEmergencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async standingRelease(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<StandingRelease | undefined> {
    const rows: Array<StandingRelease & { resultsToFollow: string[] | null }> = await manager.query(
      `SELECT r."id" AS "recordId", r."recorded_at" AS "recordedAt",
              r."detail"->'releaseGates'->>'batchNumber' AS "batchNumber",
              ARRAY(SELECT f->>'testCode'
                      FROM jsonb_array_elements(
                        coalesce(r."detail"->'releaseGates'->'resultsToFollow', '[]'::jsonb)) f)
                AS "resultsToFollow"
         FROM ${S}."step_record" r
         LEFT JOIN ${S}."release_voiding" v ON v."release_event_id" = r."event_id"
        WHERE r."id" = (SELECT "id" FROM ${S}."step_record"
                         WHERE "donor_code" = $1 AND "step" = 'releaseBatch'
                         ORDER BY "recorded_at" DESC, "id" DESC LIMIT 1)
          AND v."voiding_id" IS NULL`,
      [donorCode],
    );
    const row = rows[0];
    return row && { ...row, recordedAt: new Date(row.recordedAt).toISOString() };
  }

  async insert(manager: EntityManager, e: NewProductEmergency): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."product_emergency" ("emergency_id", "donor_code", "journey_id", "kind",
         "test_code", "qc_result_id", "investigation_id", "release_record_id", "description",
         "raised_at", "step_event_id")
       VALUES ($1, $2, $3, 'qc-result-after-release', $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.emergencyId,
        e.donorCode,
        e.journeyId,
        e.testCode,
        e.qcResultId,
        e.investigationId,
        e.releaseRecordId,
        e.description,
        e.raisedAt,
        e.stepEventId,
      ],
    );
  }

  /** Records the mismatch of an attempt unless it is on record already; true when it was new. */
  async insertBedsideMismatch(manager: EntityManager, e: NewBedsideMismatch): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${S}."product_emergency" ("emergency_id", "donor_code", "journey_id", "kind",
         "bedside_scans", "description", "raised_at", "step_event_id")
       VALUES ($1, $2, $3, 'bedside-mismatch', $4, $5, $6, $7)
       ON CONFLICT ("step_event_id") WHERE "kind" = 'bedside-mismatch' DO NOTHING
       RETURNING "emergency_id"`,
      [
        e.emergencyId,
        e.donorCode,
        e.journeyId,
        JSON.stringify(e.bedsideScans),
        e.description,
        e.raisedAt,
        e.stepEventId,
      ],
    );
    return rows.length === 1;
  }

  /** Records a site emergency; a report once per event id: true when it was new. */
  async insertSiteEmergency(manager: EntityManager, e: NewSiteEmergency): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${S}."product_emergency" ("emergency_id", "donor_code", "journey_id", "kind",
         "site_source", "description", "found_at", "found_by", "raised_at", "step_event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ("step_event_id") WHERE "site_source" = 'report' DO NOTHING
       RETURNING "emergency_id"`,
      [
        e.emergencyId,
        e.donorCode,
        e.journeyId,
        e.kind,
        e.siteSource,
        e.description,
        e.foundAt,
        e.foundBy.userId,
        e.raisedAt,
        e.stepEventId,
      ],
    );
    return rows.length === 1;
  }

  /** The hospital's report recorded for an event id, if any. */
  async siteReportOf(
    manager: EntityManager,
    eventId: string,
  ): Promise<ProductEmergency | undefined> {
    const rows: ProductEmergency[] = await manager.query(
      `${SELECT} WHERE e."step_event_id" = $1 AND e."site_source" = 'report'`,
      [eventId],
    );
    return rows[0];
  }

  /** The journey's receipt at the site and its closure, as the release service recorded them. */
  async siteStanding(manager: EntityManager, donorCode: string): Promise<SiteStanding> {
    const rows: Array<{ step: string; at: Date }> = await manager.query(
      `SELECT "step",
              min(CASE "step" WHEN 'receiveAtSite' THEN ("detail"->>'receivedAt')::timestamptz
                  ELSE "recorded_at" END) AS "at"
         FROM ${S}."step_record"
        WHERE "donor_code" = $1 AND "step" IN ('receiveAtSite', 'completeFollowUp')
        GROUP BY "step"`,
      [donorCode],
    );
    const at = (step: string) => {
      const row = rows.find((r) => r.step === step);
      return row && new Date(row.at).toISOString();
    };
    return { receivedAt: at('receiveAtSite'), closedAt: at('completeFollowUp') };
  }

  /** The bedside mismatch recorded for a step's attempt (its event id), if any. */
  async bedsideMismatchOf(
    manager: EntityManager,
    stepEventId: string,
  ): Promise<ProductEmergency | undefined> {
    const rows: ProductEmergency[] = await manager.query(
      `${SELECT} WHERE e."step_event_id" = $1 AND e."kind" = 'bedside-mismatch'`,
      [stepEventId],
    );
    return rows[0];
  }

  list(donorCode: string, manager = this.dataSource.manager): Promise<ProductEmergency[]> {
    return manager.query(`${SELECT} WHERE e."donor_code" = $1 ORDER BY e."raised_at"`, [donorCode]);
  }

  /** The emergency of the donor code, under a lock that serializes its closures. */
  async emergencyForClosure(
    manager: EntityManager,
    emergencyId: string,
    donorCode: string,
  ): Promise<ProductEmergency | undefined> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('product_emergency:' || $1))`, [
      emergencyId,
    ]);
    const rows: ProductEmergency[] = await manager.query(
      `${SELECT} WHERE e."emergency_id"::text = $1 AND e."donor_code" = $2`,
      [emergencyId, donorCode],
    );
    return rows[0];
  }

  /** The closure recorded under an event id, if any (none for closures recorded before). */
  async closureUnder(
    manager: EntityManager,
    eventId: string,
  ): Promise<ProductEmergencyClosure | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT "emergency_id", "donor_code", "investigation", "root_cause",
              "corrective_action", "signature_id", "closed_by", "closed_by_role",
              "preventive_action", "disposition", "recall_decision", "recall_rationale",
              "recall_id"
         FROM ${S}."product_emergency_closure" WHERE "event_id" = $1`,
      [eventId],
    );
    const r = rows[0];
    if (!r) return undefined;
    const recall =
      r.recall_decision === 'raised'
        ? { decision: 'raised' as const, recallId: r.recall_id as string }
        : { decision: 'not-needed' as const, rationale: r.recall_rationale as string };
    return {
      emergencyId: r.emergency_id as string,
      donorCode: r.donor_code as string,
      investigation: r.investigation as string,
      rootCause: r.root_cause as string,
      correctiveAction: r.corrective_action as string,
      signatureId: r.signature_id as string,
      closedBy: { userId: r.closed_by as string, role: r.closed_by_role as Role },
      // A closure is recorded with QA's decision whole or without one (the table's check).
      ...(r.disposition
        ? {
            decision: {
              preventiveAction: r.preventive_action as string,
              disposition: r.disposition as EmergencyDisposition,
              recall,
            },
          }
        : {}),
    };
  }

  async insertClosure(
    manager: EntityManager,
    c: ProductEmergencyClosure & { eventId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."product_emergency_closure" ("emergency_id", "donor_code", "investigation",
         "root_cause", "corrective_action", "signature_id", "closed_by", "closed_by_role",
         "preventive_action", "disposition", "recall_decision", "recall_rationale", "recall_id",
         "event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        c.emergencyId,
        c.donorCode,
        c.investigation,
        c.rootCause,
        c.correctiveAction,
        c.signatureId,
        c.closedBy.userId,
        c.closedBy.role,
        c.decision?.preventiveAction ?? null,
        c.decision?.disposition ?? null,
        c.decision?.recall.decision ?? null,
        c.decision?.recall.decision === 'not-needed' ? c.decision.recall.rationale : null,
        c.decision?.recall.decision === 'raised' ? c.decision.recall.recallId : null,
        c.eventId,
      ],
    );
  }
}
