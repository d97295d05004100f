import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  journeyWorkflowId,
  type OosInvestigationView,
  type RecordOosLaboratoryConclusionCommand,
  type RecordOosProcessConclusionCommand,
  requireOperationRole,
} from '@v2v/contracts';
import { QcRepository } from '../qc.repository';
import { requireOosPhase } from '../qc-rules';

type Phase = 'laboratory-conclusion' | 'process-conclusion' | 'outcome';

/** The journey's investigation, NOT_FOUND as for an unknown one when it is another's. */
export async function investigationOf(
  qc: QcRepository,
  manager: EntityManager,
  command: { donorCode: string; investigationId: string },
): Promise<OosInvestigationView> {
  const found = (await qc.investigations(command.donorCode, manager)).find(
    (i) => i.investigationId === command.investigationId,
  );
  if (!found)
    throw new DomainError(
      'NOT_FOUND',
      `no OOS investigation ${command.investigationId} of ${command.donorCode}`,
    );
  return found;
}

/**
 * A repeat of the same event id returns the investigation as it is; the id reused for another
 * phase or investigation is a conflict.
 */
export async function earlierAnswer(
  qc: QcRepository,
  manager: EntityManager,
  command: { donorCode: string; investigationId: string; eventId: string },
  phase: Phase,
): Promise<OosInvestigationView | undefined> {
  const earlier = await qc.investigationEvent(command.eventId, manager);
  if (!earlier) return undefined;
  if (earlier.investigationId !== command.investigationId || earlier.phase !== phase)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${command.eventId} already recorded the ${earlier.phase} of investigation ${earlier.investigationId}`,
    );
  return investigationOf(qc, manager, command);
}

/**
 * QA-02.1: the conclusions of an OOS investigation's phases, in their order (requireOosPhase),
 * each recorded once with its audit entry in one transaction. Phase I is QC's: an assignable
 * cause invalidates the result and orders a retest; none sends it to phase II, QA's.
 */
@Injectable()
export class RecordOosConclusionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly qc: QcRepository,
  ) {}

  laboratory(command: RecordOosLaboratoryConclusionCommand): Promise<OosInvestigationView> {
    requireOperationRole('recordOosLaboratoryConclusion', command.recordedBy);
    return this.conclude(command, 'laboratory-conclusion', command.assignableCause);
  }

  process(command: RecordOosProcessConclusionCommand): Promise<OosInvestigationView> {
    requireOperationRole('recordOosProcessConclusion', command.recordedBy);
    return this.conclude(command, 'process-conclusion', null);
  }

  private conclude(
    command: RecordOosProcessConclusionCommand,
    phase: 'laboratory-conclusion' | 'process-conclusion',
    assignableCause: boolean | null,
  ): Promise<OosInvestigationView> {
    return this.dataSource.transaction(async (manager) => {
      const earlier = await earlierAnswer(this.qc, manager, command, phase);
      if (earlier) return earlier;
      requireOosPhase(await investigationOf(this.qc, manager, command), phase);
      await this.qc.insertInvestigationEvent(manager, {
        eventId: command.eventId,
        investigationId: command.investigationId,
        phase,
        assignableCause,
        findings: command.findings,
        outcome: null,
        disposition: null,
        signatureId: null,
        recordedBy: command.recordedBy,
      });
      await writeAudit(manager, 'release', {
        recordType: 'oos-investigation-event',
        recordId: command.eventId,
        journeyId: journeyWorkflowId(command.donorCode),
        action: 'create',
        actor: command.recordedBy,
        newValue: { investigationId: command.investigationId, phase, assignableCause },
      });
      return investigationOf(this.qc, manager, command);
    });
  }
}
