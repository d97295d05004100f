import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type CheckOosOutcomeCommand,
  type DecideOosOutcomeCommand,
  journeyWorkflowId,
  OOS_OUTCOME_RECORD,
  oosOutcomeDetail,
  type OosInvestigationView,
  requireOperationRole,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { QcRepository } from '../qc.repository';
import { requireOosPhase, requireOutcomeAllowed } from '../qc-rules';
import { earlierAnswer, investigationOf } from './record-oos-conclusion.usecase';

/**
 * QA-02.1, CSV-02, PER-03: QA's signed outcome of an OOS investigation. `check` lets the
 * gateway refuse before anything is signed; `execute` checks again and records signature and
 * outcome in one transaction, so a refused outcome leaves no signature.
 */
@Injectable()
export class DecideOosOutcomeUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly qc: QcRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  async check(command: CheckOosOutcomeCommand): Promise<{ allowed: true }> {
    const manager = this.dataSource.manager;
    // A retry of an outcome recorded under this event id is allowed: `execute` answers it
    // with the first answer, though the investigation has moved past its outcome phase.
    if (await earlierAnswer(this.qc, manager, command, 'outcome')) return { allowed: true };
    await this.assertDecidable(command, manager);
    return { allowed: true };
  }

  execute(command: DecideOosOutcomeCommand): Promise<OosInvestigationView> {
    return this.dataSource.transaction(async (manager) => {
      const earlier = await earlierAnswer(this.qc, manager, command, 'outcome');
      if (earlier) return earlier;
      await this.assertDecidable(command, manager);
      const { donorCode, investigationId } = command;
      const journeyId = journeyWorkflowId(donorCode);
      const [recordType, recordId] = [OOS_OUTCOME_RECORD, investigationId];
      await this.signatures.record(manager, command.signature, {
        meaning: 'approved',
        decidedBy: command.recordedBy,
        signerRole: SIGNER_ROLE,
        subject: { recordType, recordId, donorCode },
        contentHash: signedRecordHash({ recordType, recordId, detail: oosOutcomeDetail(command) }),
        journeyId,
      });
      await this.qc.insertInvestigationEvent(manager, {
        eventId: command.eventId,
        investigationId,
        phase: 'outcome',
        assignableCause: null,
        findings: command.rationale,
        outcome: command.outcome,
        disposition: command.disposition ?? null,
        signatureId: command.signature.signatureId,
        recordedBy: command.recordedBy,
      });
      await writeAudit(manager, 'release', {
        recordType: 'oos-investigation-event',
        recordId: command.eventId,
        journeyId,
        action: 'create',
        actor: command.recordedBy,
        reason: `QA decided ${command.outcome}, signature ${command.signature.signatureId}: ${command.rationale}`,
        newValue: { investigationId, ...oosOutcomeDetail(command) },
      });
      return investigationOf(this.qc, manager, command);
    });
  }

  private async assertDecidable(command: CheckOosOutcomeCommand, manager: EntityManager) {
    requireOperationRole('decideOosOutcome', command.recordedBy);
    const investigation = await investigationOf(this.qc, manager, command);
    requireOosPhase(investigation, 'outcome');
    requireOutcomeAllowed(
      investigation,
      command,
      await this.qc.results(command.donorCode, manager),
    );
  }
}
