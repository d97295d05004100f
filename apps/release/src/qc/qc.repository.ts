import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  OosInvestigationEventView,
  OosInvestigationView,
  OosOutcome,
  QcResultView,
  QcTestPlan,
  QcVerdict,
} from '@v2v/contracts';
import { investigationStatus } from './qc-rules';

const S = '"release"';
type Row = Record<string, unknown>;

/** The test plan a journey's results are judged by, as taken at its first result. */
export interface JourneyQcPlan {
  productCode: string;
  version: number;
  plan: QcTestPlan;
  recordedAt: string;
}

export interface NewQcResult {
  donorCode: string;
  testCode: string;
  value: number | string;
  unit: string | null;
  method: string;
  instrumentId: string;
  sampleId: string;
  testedAt: string;
  verdict: QcVerdict;
  correctionOf: { resultId: string; reason: string } | null;
  retestUnder: string | null;
  stepEventId: string;
  recordedBy: Actor;
  recordedAt: string;
}

export interface NewOosEvent {
  eventId: string;
  investigationId: string;
  phase: OosInvestigationEventView['phase'];
  assignableCause: boolean | null;
  findings: string;
  outcome: OosOutcome | null;
  disposition: string | null;
  signatureId: string | null;
  recordedBy: Actor;
}

const iso = (v: unknown) => (v as Date).toISOString();

const toResult = (r: Row): QcResultView => ({
  resultId: String(r.id),
  testCode: r.test_code as string,
  value: r.value_numeric === null ? (r.value_text as string) : Number(r.value_numeric),
  unit: r.unit as string | null,
  method: r.method as string,
  instrumentId: r.instrument_id as string,
  sampleId: r.sample_id as string,
  testedAt: iso(r.tested_at),
  verdict: r.verdict as QcVerdict,
  correctionOf: r.correction_of
    ? { resultId: String(r.correction_of), reason: r.correction_reason as string }
    : null,
  retestUnder: r.retest_under as string | null,
  recordedBy: r.recorded_by as string,
  recordedAt: iso(r.recorded_at),
});

const toEvent = (r: Row): OosInvestigationEventView => ({
  eventId: r.event_id as string,
  phase: r.phase as OosInvestigationEventView['phase'],
  assignableCause: r.assignable_cause as boolean | null,
  findings: r.findings as string,
  outcome: r.outcome as OosOutcome | null,
  disposition: r.disposition as string | null,
  signatureId: r.signature_id as string | null,
  recordedBy: r.recorded_by as string,
  recordedAt: iso(r.recorded_at),
});

/** The only place with SQL for QC results, test plans and OOS investigations (QA-02.1). */
@Injectable()
export class QcRepository {
  constructor(private readonly dataSource: DataSource) {}

  async plan(donorCode: string, manager = this.dataSource.manager) {
    const rows: Row[] = await manager.query(
      `SELECT "product_code", "specification_version", "plan", "recorded_at"
       FROM ${S}."qc_test_plan" WHERE "donor_code" = $1`,
      [donorCode],
    );
    const r = rows[0];
    return r
      ? ({
          productCode: r.product_code as string,
          version: Number(r.specification_version),
          plan: r.plan as QcTestPlan,
          recordedAt: iso(r.recorded_at),
        } satisfies JourneyQcPlan)
      : undefined;
  }

  /** The journey's plan, once: every later result is judged by the same one. */
  async keepPlan(
    manager: EntityManager,
    donorCode: string,
    specification: { productCode: string; version: number; plan: QcTestPlan },
  ): Promise<boolean> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${S}."qc_test_plan" ("donor_code", "product_code", "specification_version", "plan")
       VALUES ($1, $2, $3, $4) ON CONFLICT ("donor_code") DO NOTHING RETURNING "donor_code"`,
      [
        donorCode,
        specification.productCode,
        specification.version,
        JSON.stringify(specification.plan),
      ],
    );
    return rows.length > 0;
  }

  /** The journey's judged results in the order they were recorded (legacy rows left out). */
  async results(donorCode: string, manager = this.dataSource.manager): Promise<QcResultView[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."qc_result" WHERE "donor_code" = $1 AND "test_code" IS NOT NULL
       ORDER BY "id"`,
      [donorCode],
    );
    return rows.map(toResult);
  }

  async insertResult(manager: EntityManager, r: NewQcResult): Promise<QcResultView> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${S}."qc_result" ("donor_code", "event_id", "test_code", "value_numeric",
         "value_text", "unit", "method", "instrument_id", "sample_id", "tested_at", "verdict",
         "correction_of", "correction_reason", "retest_under", "step_event_id", "recorded_by",
         "recorded_by_role", "recorded_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $2, $15, $16, $17)
       RETURNING *`,
      [
        r.donorCode,
        r.stepEventId,
        r.testCode,
        typeof r.value === 'number' ? r.value : null,
        typeof r.value === 'string' ? r.value : null,
        r.unit,
        r.method,
        r.instrumentId,
        r.sampleId,
        r.testedAt,
        r.verdict,
        r.correctionOf?.resultId ?? null,
        r.correctionOf?.reason ?? null,
        r.retestUnder,
        r.recordedBy.userId,
        r.recordedBy.role,
        r.recordedAt,
      ],
    );
    return toResult(rows[0]);
  }

  async openInvestigation(
    manager: EntityManager,
    i: { investigationId: string; donorCode: string; testCode: string; resultId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."oos_investigation" ("investigation_id", "donor_code", "test_code", "result_id")
       VALUES ($1, $2, $3, $4)`,
      [i.investigationId, i.donorCode, i.testCode, i.resultId],
    );
  }

  /** The journey's investigations with their phases, oldest first. */
  async investigations(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<OosInvestigationView[]> {
    const [investigations, events]: [Row[], Row[]] = await Promise.all([
      manager.query(
        `SELECT * FROM ${S}."oos_investigation" WHERE "donor_code" = $1 ORDER BY "opened_at"`,
        [donorCode],
      ),
      manager.query(
        `SELECT e.* FROM ${S}."oos_investigation_event" e
         JOIN ${S}."oos_investigation" i ON i."investigation_id" = e."investigation_id"
         WHERE i."donor_code" = $1 ORDER BY e."recorded_at"`,
        [donorCode],
      ),
    ]);
    return investigations.map((i) => {
      const own = events.filter((e) => e.investigation_id === i.investigation_id).map(toEvent);
      return {
        investigationId: i.investigation_id as string,
        donorCode: i.donor_code as string,
        testCode: i.test_code as string,
        resultId: String(i.result_id),
        openedAt: iso(i.opened_at),
        status: investigationStatus(own),
        events: own,
      };
    });
  }

  async investigationEvent(
    eventId: string,
    manager = this.dataSource.manager,
  ): Promise<(OosInvestigationEventView & { investigationId: string }) | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."oos_investigation_event" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && { ...toEvent(rows[0]), investigationId: rows[0].investigation_id as string };
  }

  async insertInvestigationEvent(manager: EntityManager, e: NewOosEvent): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."oos_investigation_event" ("event_id", "investigation_id", "phase",
         "assignable_cause", "findings", "outcome", "disposition", "signature_id", "recorded_by",
         "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.eventId,
        e.investigationId,
        e.phase,
        e.assignableCause,
        e.findings,
        e.outcome,
        e.disposition,
        e.signatureId,
        e.recordedBy.userId,
        e.recordedBy.role,
      ],
    );
  }
}
