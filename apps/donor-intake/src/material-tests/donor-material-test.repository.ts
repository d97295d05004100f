import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Actor,
  DonorMaterialImpactAssessmentView,
  DonorMaterialTestResultView,
  DonorMaterialTests,
  MaterialImpactConclusion,
  QcVerdict,
  Role,
} from '@v2v/contracts';

const S = '"donor_intake"';
type Row = Record<string, unknown>;
const iso = (value: unknown) => (value as Date).toISOString();

/**
 * Results of the current unit only: those recorded since its collection, so a recollection is
 * judged on its own material (as `MaterialRecords` does for the other records).
 */
const SINCE_COLLECTION = `"recorded_at" >= COALESCE((SELECT MAX(c."recorded_at") FROM ${S}."step_record" c
  WHERE c."donor_code" = $1 AND c."record_type" = 'collection'), '-infinity')`;

export interface KeptTestPlan {
  productCode: string;
  version: number;
  tests: DonorMaterialTests;
}

/** QA's impact assessment as recorded, and as recording it answers. */
export type RecordedImpactAssessment = Omit<
  DonorMaterialImpactAssessmentView,
  'assessedBy' | 'assessedAt'
> & { donorCode: string; assessedBy: Actor };

export interface NewDonorMaterialResult {
  resultId: string;
  /** The request that recorded it, and its place there (CSV-01: its retry is answered). */
  eventId: string;
  eventPosition: number;
  donorCode: string;
  testCode: string;
  value: number | string;
  unit: string | null;
  method: string;
  testedAt: string;
  verdict: QcVerdict;
  correctionOf: { resultId: string; reason: string } | null;
  recordedBy: { userId: string; role: string };
}

const resultView = (r: Row): DonorMaterialTestResultView => ({
  resultId: r.result_id as string,
  testCode: r.test_code as string,
  value: r.value_numeric === null ? (r.value_text as string) : Number(r.value_numeric),
  unit: r.unit as string | null,
  method: r.method as string,
  testedAt: iso(r.tested_at),
  verdict: r.verdict as QcVerdict,
  correctionOf: r.correction_of
    ? { resultId: r.correction_of as string, reason: r.correction_reason as string }
    : null,
  recordedBy: r.recorded_by as string,
  recordedAt: iso(r.recorded_at),
});

const recordedAssessment = (r: Row): RecordedImpactAssessment => ({
  assessmentId: r.assessment_id as string,
  donorCode: r.donor_code as string,
  testCodes: r.test_codes as string[],
  coveredResultIds: r.covered_result_ids as string[],
  rationale: r.rationale as string,
  conclusion: r.conclusion as MaterialImpactConclusion,
  signatureId: r.signature_id as string,
  assessedBy: { userId: r.assessed_by as string, role: r.assessed_by_role as Role },
});

/** The only place with SQL for the donor material's tests (DON-06, QA-02.5). */
@Injectable()
export class DonorMaterialTestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async plan(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<KeptTestPlan | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT "product_code", "specification_version", "tests" FROM ${S}."donor_material_test_plan"
        WHERE "donor_code" = $1`,
      [donorCode],
    );
    const r = rows[0];
    return (
      r && {
        productCode: r.product_code as string,
        version: Number(r.specification_version),
        tests: r.tests as DonorMaterialTests,
      }
    );
  }

  /** The journey's tests, once: every later result is judged by the same ones. */
  async keepPlan(manager: EntityManager, donorCode: string, plan: KeptTestPlan): Promise<boolean> {
    const rows: Row[] = await manager.query(
      `INSERT INTO ${S}."donor_material_test_plan" ("donor_code", "product_code", "specification_version", "tests")
       VALUES ($1, $2, $3, $4) ON CONFLICT ("donor_code") DO NOTHING RETURNING "donor_code"`,
      [donorCode, plan.productCode, plan.version, JSON.stringify(plan.tests)],
    );
    return rows.length > 0;
  }

  /** The current unit's results in the order they were recorded. */
  async results(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<DonorMaterialTestResultView[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."donor_material_test_result" WHERE "donor_code" = $1 AND ${SINCE_COLLECTION}
        ORDER BY "recorded_at", "result_id"`,
      [donorCode],
    );
    return rows.map(resultView);
  }

  /**
   * Holds the donor's results to the end of the transaction, so they are recorded one request
   * at a time, each judged against those before it (the service role may not lock rows).
   */
  async lockResults(manager: EntityManager, donorCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('donor_material_result:' || $1))`, [
      donorCode,
    ]);
  }

  /** The results one request recorded, in its order, with the donor code they were for. */
  async recordedUnder(
    manager: EntityManager,
    eventId: string,
  ): Promise<Array<DonorMaterialTestResultView & { donorCode: string }>> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."donor_material_test_result" WHERE "event_id" = $1 ORDER BY "event_position"`,
      [eventId],
    );
    return rows.map((r) => ({ ...resultView(r), donorCode: r.donor_code as string }));
  }

  async insertResult(manager: EntityManager, result: NewDonorMaterialResult): Promise<void> {
    const numeric = typeof result.value === 'number';
    await manager.query(
      `INSERT INTO ${S}."donor_material_test_result" ("result_id", "donor_code", "test_code",
         "value_numeric", "value_text", "unit", "method", "tested_at", "verdict", "correction_of",
         "correction_reason", "recorded_by", "recorded_by_role", "event_id", "event_position")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        result.resultId,
        result.donorCode,
        result.testCode,
        numeric ? result.value : null,
        numeric ? null : result.value,
        result.unit,
        result.method,
        result.testedAt,
        result.verdict,
        result.correctionOf?.resultId ?? null,
        result.correctionOf?.reason ?? null,
        result.recordedBy.userId,
        result.recordedBy.role,
        result.eventId,
        result.eventPosition,
      ],
    );
  }

  /** The tests pending when QA released the current unit (undefined: no record with a release). */
  async pendingAtLatestRelease(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<string[] | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT "pending_tests" FROM ${S}."donor_material_release_tests"
        WHERE "donor_code" = $1 AND ${SINCE_COLLECTION} ORDER BY "recorded_at" DESC LIMIT 1`,
      [donorCode],
    );
    return rows[0]?.pending_tests as string[] | undefined;
  }

  async insertReleaseTests(
    manager: EntityManager,
    release: { eventId: string; donorCode: string; pendingTests: string[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."donor_material_release_tests" ("release_event_id", "donor_code", "pending_tests")
       VALUES ($1, $2, $3)`,
      [release.eventId, release.donorCode, JSON.stringify(release.pendingTests)],
    );
  }

  /** The current unit's assessments, latest last. */
  async assessments(
    donorCode: string,
    manager = this.dataSource.manager,
  ): Promise<DonorMaterialImpactAssessmentView[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."donor_material_impact_assessment" WHERE "donor_code" = $1 AND ${SINCE_COLLECTION}
        ORDER BY "recorded_at", "assessment_id"`,
      [donorCode],
    );
    return rows.map((r) => {
      const { donorCode: _donorCode, assessedBy, ...assessment } = recordedAssessment(r);
      void _donorCode;
      return { ...assessment, assessedBy: assessedBy.userId, assessedAt: iso(r.recorded_at) };
    });
  }

  /** The assessment recorded under an id, of whichever unit, if any. */
  async assessment(
    manager: EntityManager,
    assessmentId: string,
  ): Promise<RecordedImpactAssessment | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."donor_material_impact_assessment" WHERE "assessment_id" = $1`,
      [assessmentId],
    );
    return rows[0] && recordedAssessment(rows[0]);
  }

  async insertAssessment(
    manager: EntityManager,
    assessment: RecordedImpactAssessment,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."donor_material_impact_assessment" ("assessment_id", "donor_code", "test_codes",
         "covered_result_ids", "rationale", "conclusion", "signature_id", "assessed_by", "assessed_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        assessment.assessmentId,
        assessment.donorCode,
        JSON.stringify([...assessment.testCodes].sort()),
        JSON.stringify(assessment.coveredResultIds),
        assessment.rationale,
        assessment.conclusion,
        assessment.signatureId,
        assessment.assessedBy.userId,
        assessment.assessedBy.role,
      ],
    );
  }
}
