import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  DONOR_MATERIAL_IMPACT_MEANING,
  DONOR_MATERIAL_IMPACT_RECORD,
  type DonorMaterialImpactCheck,
  donorMaterialImpactDetail,
  journeyWorkflowId,
  type RecordDonorMaterialImpactCommand,
  requireDonorCode,
  requireOperationRole,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import {
  donorMaterialTestStandings,
  effectiveResults,
  requireAssessmentAdmissible,
} from '../donor-material-test-rules';
import {
  DonorMaterialTestRepository,
  type RecordedImpactAssessment,
} from '../donor-material-test.repository';

/**
 * QA-02.5 (§10(2)), CSV-02, PER-03: the qualified person's signed impact assessment of donor
 * material used before its tests completed. It covers the results as they stand when signed
 * (kept with it), so a later result is not covered. `check` is the gateway's pre-check: the
 * same refusals, nothing written, nothing signed. The assessment's id is the request's event id:
 * its retry is answered with the assessment recorded under it, nothing written (CSV-01).
 */
@Injectable()
export class AssessDonorMaterialImpactUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tests: DonorMaterialTestRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  check(command: DonorMaterialImpactCheck) {
    return this.dataSource.transaction(async (manager) => {
      // A retry of the assessment recorded under this id is allowed: `execute` answers it with
      // that assessment, though a result recorded since may have changed what it must cover.
      if (!(await this.earlier(manager, command))) await this.admissible(manager, command);
      return { admissible: true };
    });
  }

  execute(command: RecordDonorMaterialImpactCommand) {
    return this.dataSource.transaction(async (manager) => {
      const earlier = await this.earlier(manager, command);
      if (earlier) return earlier;
      const { donorCode, coveredResultIds } = await this.admissible(manager, command);
      const subject = {
        recordType: DONOR_MATERIAL_IMPACT_RECORD,
        recordId: command.assessmentId,
        donorCode,
      };
      const detail = donorMaterialImpactDetail({ ...command, donorCode });
      await this.signatures.record(manager, command.signature, {
        meaning: DONOR_MATERIAL_IMPACT_MEANING,
        decidedBy: command.assessedBy,
        signerRole: SIGNER_ROLE,
        subject,
        contentHash: signedRecordHash({ ...subject, detail }),
        journeyId: journeyWorkflowId(donorCode),
      });
      const assessment = {
        assessmentId: command.assessmentId,
        donorCode,
        // As recorded, so the first answer and a retry's are the same.
        testCodes: [...command.testCodes].sort(),
        coveredResultIds,
        rationale: command.rationale,
        conclusion: command.conclusion,
        signatureId: command.signature.signatureId,
        assessedBy: command.assessedBy,
      };
      await this.tests.insertAssessment(manager, assessment);
      await writeAudit(manager, 'donor_intake', {
        recordType: DONOR_MATERIAL_IMPACT_RECORD,
        recordId: command.assessmentId,
        journeyId: journeyWorkflowId(donorCode),
        action: 'create',
        actor: command.assessedBy,
        newValue: assessment,
      });
      return assessment;
    });
  }

  /**
   * The assessment recorded under the command's id, if any: a retry gets it again. The id used
   * for another donor code's assessment is a conflict.
   */
  private async earlier(
    manager: EntityManager,
    command: Pick<DonorMaterialImpactCheck, 'assessmentId' | 'donorCode'>,
  ): Promise<RecordedImpactAssessment | undefined> {
    const earlier = await this.tests.assessment(manager, command.assessmentId);
    if (earlier && earlier.donorCode !== requireDonorCode(command.donorCode))
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${command.assessmentId} was already used to assess the donor material of ${earlier.donorCode}`,
      );
    return earlier;
  }

  private async admissible(manager: EntityManager, command: DonorMaterialImpactCheck) {
    const donorCode = requireDonorCode(command.donorCode);
    requireOperationRole('assessDonorMaterialImpact', command.assessedBy);
    const plan = await this.tests.plan(donorCode, manager);
    if (!plan)
      throw new DomainError(
        'QA-02',
        `no donor material tests are kept for ${donorCode}: there is nothing to assess (QA-02.5)`,
        { item: 'QA-02.5' },
      );
    const results = await this.tests.results(donorCode, manager);
    requireAssessmentAdmissible(command, {
      tests: plan.tests,
      standings: donorMaterialTestStandings(plan.tests, results),
      pendingAtRelease: await this.tests.pendingAtLatestRelease(donorCode, manager),
    });
    return { donorCode, coveredResultIds: effectiveResults(results).map((r) => r.resultId) };
  }
}
