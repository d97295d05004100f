import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type CloseProductEmergencyCommand,
  DomainError,
  journeyWorkflowId,
  repeatedClosure,
  requireDonorCode,
} from '@v2v/contracts';
import { SignatureRecorder } from '@v2v/signatures';
import { requireEmergencyDecision } from '../emergency-rules';
import {
  type ProductEmergencyClosure,
  ProductEmergencyRepository,
} from '../product-emergency.repository';

/**
 * QA-04: QA closes an emergency on the product with its investigation, root cause and
 * corrective action, and its decision (preventive action, disposition, recall; required for one
 * found at the site), signed as every deviation closure is (CSV-02, PER-03): signature, closure
 * and audit entry in one transaction, once: a retry under the same event id is answered as the
 * first time (CSV-01). Until then the product is on hold.
 */
@Injectable()
export class CloseProductEmergencyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emergencies: ProductEmergencyRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  execute(emergencyId: string, command: CloseProductEmergencyCommand) {
    const donorCode = requireDonorCode(command.donorCode);
    const { investigation, rootCause, correctiveAction, closedBy, signature } = command;
    const decision = command.emergency;
    return this.dataSource.transaction(async (manager) => {
      const emergency = await this.emergencies.emergencyForClosure(manager, emergencyId, donorCode);
      if (!emergency)
        throw new DomainError(
          'NOT_FOUND',
          `no deviation ${emergencyId} for donor code ${donorCode}`,
        );
      // The retry of a closure whose answer was lost gets the first answer; nothing is written.
      const earlier = await this.emergencies.closureUnder(manager, command.eventId);
      const repeat = repeatedClosure(command, emergencyId, earlier && closedAnswer(earlier));
      if (repeat) return repeat;
      if (emergency.status === 'closed')
        throw new DomainError(
          'DEVIATION_ALREADY_CLOSED',
          `deviation ${emergencyId} is already closed`,
        );
      requireEmergencyDecision(emergency, decision);
      await this.signatures.recordDeviationClosure(manager, emergencyId, {
        ...command,
        donorCode,
      });
      const closure = {
        emergencyId,
        donorCode,
        investigation,
        rootCause,
        correctiveAction,
        signatureId: signature.signatureId,
        closedBy,
        ...(decision ? { decision } : {}),
      };
      await this.emergencies.insertClosure(manager, { ...closure, eventId: command.eventId });
      await writeAudit(manager, 'release', {
        recordType: 'product-emergency-closure',
        recordId: emergencyId,
        journeyId: journeyWorkflowId(donorCode),
        action: 'create',
        actor: closedBy,
        newValue: closure,
      });
      return closedAnswer(closure);
    });
  }
}

/** A closure as QA's closure answers it: the emergency is the journey's deviation. */
function closedAnswer(closure: ProductEmergencyClosure) {
  return { ...closure, deviationId: closure.emergencyId, status: 'closed' as const };
}
