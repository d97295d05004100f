import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type CloseDeviationCommand,
  DomainError,
  journeyWorkflowId,
  repeatedClosure,
  requireDonorCode,
} from '@v2v/contracts';
import { SignatureRecorder } from '@v2v/signatures';
import { EmDeviationRepository } from '../em-deviation.repository';

/**
 * PRD-05, DON-06.4: QA closes the deviation an excursion raised on a journey, with its
 * investigation, root cause and corrective action, signed (CSV-02, PER-03) as the gateway signs
 * every deviation closure; signature, closure and audit entry in one transaction, once: a retry
 * under the same event id is answered as the first time (CSV-01).
 */
@Injectable()
export class CloseEmDeviationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deviations: EmDeviationRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(deviationId: string, command: CloseDeviationCommand) {
    const donorCode = requireDonorCode(command.donorCode);
    const { investigation, rootCause, correctiveAction, closedBy, signature } = command;
    return this.dataSource.transaction(async (manager) => {
      const deviation = await this.deviations.deviationForClosure(manager, deviationId, donorCode);
      if (!deviation)
        throw new DomainError(
          'NOT_FOUND',
          `no deviation ${deviationId} for donor code ${donorCode}`,
        );
      // The retry of a closure whose answer was lost gets the first answer; nothing is written.
      const earlier = await this.deviations.closureUnder(manager, command.eventId);
      const repeat = repeatedClosure(command, deviationId, earlier);
      if (repeat) return { ...repeat, status: 'closed' as const };
      if (deviation.status === 'closed')
        throw new DomainError(
          'DEVIATION_ALREADY_CLOSED',
          `deviation ${deviationId} is already closed`,
        );
      const journeyId = journeyWorkflowId(donorCode);
      await this.signatures.recordDeviationClosure(manager, deviationId, {
        ...command,
        donorCode,
      });
      const closure = {
        deviationId,
        donorCode,
        investigation,
        rootCause,
        correctiveAction,
        signatureId: signature.signatureId,
        closedBy,
      };
      await this.deviations.insertClosure(manager, { ...closure, eventId: command.eventId });
      await writeAudit(manager, 'production', {
        recordType: 'em-deviation-closure',
        recordId: deviationId,
        journeyId,
        action: 'create',
        actor: closedBy,
        newValue: closure,
      });
      return { ...closure, status: 'closed' as const };
    });
  }
}
