import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type AssessContaminationImpactCommand,
  DomainError,
  type ImpactConclusion,
  journeyWorkflowId,
  requireDonorCode,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { IdGenerator } from '@v2v/service-kit';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { requireImpactAssessable } from '../em-rules';
import { EnvironmentalMonitoringRepository } from '../environmental-monitoring.repository';
import { ExcursionView, excursionView } from './em-views';
import { excursionOrRefuse } from './identify-organism.usecase';

export {
  assessContaminationImpactCommandSchema,
  type AssessContaminationImpactCommand,
} from '@v2v/contracts';

/** What QA's signature on an impact assessment is bound to; the gateway builds the same. */
export function impactAssessmentContent(input: {
  excursionId: string;
  donorCode: string;
  conclusion: ImpactConclusion;
  rationale: string;
}) {
  const { excursionId, donorCode, conclusion, rationale } = input;
  return {
    meaning: conclusion,
    recordType: 'em-impact-assessment',
    recordId: excursionId,
    donorCode,
    detail: { excursionId, donorCode, conclusion, rationale },
  };
}

/**
 * PRD-05, CSV-02, PER-03: the qualified person's signed assessment of the impact of a microbial
 * excursion on one batch it exposed. `check` lets the gateway refuse before anything is signed;
 * `execute` checks again under the excursion's lock and records signature, assessment and audit
 * entry in one transaction, once per event id.
 */
@Injectable()
export class AssessContaminationImpactUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EnvironmentalMonitoringRepository,
    private readonly signatures: SignatureRecorder,
    private readonly ids: IdGenerator,
  ) {}

  async check(excursionId: string, rawDonorCode: string, eventId: string) {
    const donorCode = requireDonorCode(rawDonorCode);
    const excursion = await excursionOrRefuse(
      this.repository,
      this.dataSource.manager,
      excursionId,
    );
    // A retry of the assessment recorded under this event id is allowed: `execute` answers it
    // with the excursion as it is, though a concluded assessment is final.
    if (!(await this.repeated(excursionId, eventId))) requireImpactAssessable(excursion, donorCode);
    return { excursionId, donorCode, allowed: true as const };
  }

  async execute(
    excursionId: string,
    command: AssessContaminationImpactCommand,
  ): Promise<ExcursionView> {
    const donorCode = requireDonorCode(command.donorCode);
    const repeat = await this.repeated(excursionId, command.eventId);
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockExcursion(manager, excursionId);
      const excursion = await excursionOrRefuse(this.repository, manager, excursionId);
      if (repeat) return excursionView(excursion);
      requireImpactAssessable(excursion, donorCode);
      const content = impactAssessmentContent({ ...command, excursionId, donorCode });
      const journeyId = journeyWorkflowId(donorCode);
      await this.signatures.record(manager, command.signature, {
        meaning: content.meaning,
        decidedBy: command.assessedBy,
        signerRole: SIGNER_ROLE,
        subject: { recordType: content.recordType, recordId: excursionId, donorCode },
        contentHash: signedRecordHash(content),
        journeyId,
      });
      const previous = excursion.exposedBatches.find((b) => b.donorCode === donorCode)?.assessment;
      const assessment = {
        assessmentId: this.ids.newId(),
        eventId: command.eventId,
        excursionId,
        donorCode,
        conclusion: command.conclusion,
        rationale: command.rationale,
        signatureId: command.signature.signatureId,
        supersedes: previous?.assessmentId ?? null,
        assessedBy: command.assessedBy,
      };
      await this.repository.insertAssessment(manager, assessment);
      await writeAudit(manager, 'production', {
        recordType: 'em-impact-assessment',
        recordId: assessment.assessmentId,
        journeyId,
        action: 'create',
        actor: command.assessedBy,
        reason: `QA assessed the impact of excursion ${excursionId}: ${command.conclusion}, signature ${command.signature.signatureId}`,
        newValue: assessment,
      });
      return excursionView(await excursionOrRefuse(this.repository, manager, excursionId));
    });
  }

  /**
   * Whether this event id already recorded a follow-up of the excursion; one of another
   * excursion is a conflict.
   */
  private async repeated(excursionId: string, eventId: string): Promise<boolean> {
    const earlier = await this.repository.excursionIdOfFollowUp(eventId);
    if (earlier && earlier !== excursionId)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        `event id ${eventId} was already used for excursion ${earlier}`,
      );
    return earlier !== undefined;
  }
}
