import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  CloseDeviationCommand,
  DomainError,
  journeyWorkflowId,
  repeatedClosure,
} from '@v2v/contracts';
import { SignatureRecorder } from '@v2v/signatures';
import { DeviationRepository } from '../deviation.repository';

/**
 * DON-06.4: QA closes a deviation of a donor's material with its investigation, root cause and
 * corrective action, signed (CSV-02, PER-03): signature, closure and audit entry in one
 * transaction, so a refused closure leaves no signature. A retry under the same event id is
 * answered as the first time (CSV-01).
 */
@Injectable()
export class CloseDeviationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deviations: DeviationRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(deviationId: string, command: CloseDeviationCommand) {
    const { donorCode, investigation, rootCause, correctiveAction, closedBy, signature } = command;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.deviations.exists(manager, deviationId, donorCode))) {
        throw new DomainError(
          'NOT_FOUND',
          `no deviation ${deviationId} for donor code ${donorCode}`,
        );
      }
      // The retry of a closure whose answer was lost gets the first answer; nothing is written.
      const earlier = await this.deviations.closureUnder(manager, command.eventId);
      const repeat = repeatedClosure(command, deviationId, earlier);
      if (repeat) return { ...repeat, status: 'closed' };
      await this.signatures.recordDeviationClosure(manager, deviationId, command);
      const closure = { deviationId, investigation, rootCause, correctiveAction, signature };
      const closed = await this.deviations.insertClosure(manager, {
        ...closure,
        eventId: command.eventId,
        donorCode,
        closedBy: closedBy.userId,
      });
      if (!closed) {
        throw new DomainError(
          'DEVIATION_ALREADY_CLOSED',
          `deviation ${deviationId} is already closed`,
        );
      }
      await writeAudit(manager, 'donor_intake', {
        recordType: 'deviation-closure',
        recordId: deviationId,
        journeyId: journeyWorkflowId(donorCode),
        action: 'create',
        actor: closedBy,
        newValue: closure,
      });
      return { ...closure, status: 'closed' };
    });
  }
}
