import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  BATCH_DEVIATION_CLOSURE_RECORD_TYPE,
  batchDeviationClosureSignedDetail,
  type BatchDeviationStanding,
  type CloseDeviationCommand,
  DomainError,
  repeatedClosure,
  requireDonorCode,
  requireOperationRole,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { BatchDeviationClosureRepository } from '../batch-deviation-closure.repository';

/**
 * QA-02.3, CSV-02, PER-03: QA closes a deviation the batch record raised, with its
 * investigation, root cause and corrective action, signed: signature, closure and audit entry
 * in one transaction, once per deviation, so a refused closure leaves no signature behind; a
 * retry under the same event id is answered as the first time (CSV-01).
 * A closure is a decision on the deviation, not a row of the batch record, so QA's review of
 * the record (QA-02.2) still holds after it; the release gate QA-02.3 hashes the closures.
 */
@Injectable()
export class CloseBatchDeviationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deviations: BatchDeviationClosureRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(
    target: { batchNumber: string; deviationId: string },
    command: CloseDeviationCommand,
  ): Promise<BatchDeviationStanding> {
    const donorCode = requireDonorCode(command.donorCode);
    const { batchNumber, deviationId } = target;
    const { closedBy, signature } = command;
    requireOperationRole('closeBatchDeviation', closedBy);
    return this.dataSource.transaction(async (manager) => {
      const deviation = await this.deviations.deviationForClosure(manager, {
        ...target,
        donorCode,
      });
      if (!deviation)
        throw new DomainError(
          'NOT_FOUND',
          `no deviation ${deviationId} in the batch record of ${batchNumber} (${donorCode})`,
        );
      // The retry of a closure whose answer was lost gets the deviation as it closed it.
      const earlier = await this.deviations.closureUnder(manager, command.eventId);
      if (repeatedClosure(command, deviationId, earlier)) return standingOf(deviation);
      if (deviation.status === 'closed')
        throw new DomainError(
          'DEVIATION_ALREADY_CLOSED',
          `deviation ${deviationId} of batch ${batchNumber} is already closed`,
        );
      const subject = { recordType: BATCH_DEVIATION_CLOSURE_RECORD_TYPE, recordId: deviationId };
      const detail = batchDeviationClosureSignedDetail(donorCode, batchNumber, command);
      await this.signatures.record(manager, signature, {
        meaning: 'closed',
        decidedBy: closedBy,
        signerRole: SIGNER_ROLE,
        subject: { ...subject, donorCode },
        contentHash: signedRecordHash({ ...subject, detail }),
        journeyId: deviation.journeyId,
      });
      const closure = {
        deviationId,
        eventId: command.eventId,
        batchNumber,
        donorCode,
        investigation: detail.investigation,
        rootCause: detail.rootCause,
        correctiveAction: detail.correctiveAction,
        signatureId: signature.signatureId,
        closedBy,
      };
      await this.deviations.insertClosure(manager, closure);
      await writeAudit(manager, 'production', {
        recordType: 'batch-deviation-closure',
        recordId: deviationId,
        journeyId: deviation.journeyId,
        action: 'create',
        actor: closedBy,
        reason: `QA closed deviation ${deviation.rule} on ${deviation.stepId} of batch ${batchNumber}, signature ${signature.signatureId}`,
        newValue: closure,
      });
      // The closure as recorded: its time is the database's.
      const closed = await this.deviations.deviationForClosure(manager, { ...target, donorCode });
      return standingOf(closed as typeof deviation);
    });
  }
}

/** The deviation as the closure answers it: without the journey it was read with. */
function standingOf(deviation: BatchDeviationStanding & { journeyId: string }) {
  const { journeyId: _journeyId, ...standing } = deviation;
  void _journeyId;
  return standing;
}
