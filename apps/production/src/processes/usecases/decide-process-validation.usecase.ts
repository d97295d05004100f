import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type DecideProcessValidationCommand,
  DomainError,
  type ProcessValidationDecision,
  processValidationSignedDetail,
  SIGNER_ROLE,
} from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import type { ProcessValidation } from '../process';
import { requireCompleteValidationDecision } from '../process-rules';
import { ProcessRepository } from '../process.repository';

/** The record a validation decision is signed for: one process version of one product. */
export const processValidationSubject = (productCode: string, processVersion: number) => ({
  recordType: 'process-validation',
  recordId: `${productCode}/v${processVersion}`,
});

/**
 * PRD-03, CSV-02, PER-03: QA records a process version's validation status as a signed
 * decision, appended (the latest counts). `check` lets the gateway refuse before anything is
 * signed; `execute` checks again and records signature, decision and audit entry together.
 */
@Injectable()
export class DecideProcessValidationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly processes: ProcessRepository,
    private readonly signatures: SignatureRecorder,
  ) {}

  async check(productCode: string, processVersion: number, decision: ProcessValidationDecision) {
    requireCompleteValidationDecision(decision);
    await this.requireDefinition(this.dataSource.manager, productCode, processVersion);
    return { productCode, processVersion, status: decision.status, allowed: true as const };
  }

  execute(
    productCode: string,
    processVersion: number,
    command: DecideProcessValidationCommand,
  ): Promise<ProcessValidation> {
    const { eventId, decidedBy, signature, ...decision } = command;
    requireCompleteValidationDecision(decision);
    return this.dataSource.transaction(async (manager) => {
      await this.processes.lockProduct(manager, productCode);
      const repeat = await this.processes.validationByEvent(manager, eventId);
      if (repeat) {
        if (repeat.productCode !== productCode || repeat.processVersion !== processVersion)
          throw new DomainError(
            'IDEMPOTENCY_CONFLICT',
            `event id ${eventId} already decided the validation of ${repeat.productCode} v${repeat.processVersion}`,
          );
        const { eventId: _eventId, ...validation } = repeat;
        void _eventId;
        return validation;
      }
      await this.requireDefinition(manager, productCode, processVersion);
      const before = await this.processes.latestValidation(manager, productCode, processVersion);
      const subject = processValidationSubject(productCode, processVersion);
      const detail = processValidationSignedDetail(productCode, processVersion, decision);
      await this.signatures.record(manager, signature, {
        meaning: decision.status,
        decidedBy,
        signerRole: SIGNER_ROLE,
        subject,
        contentHash: signedRecordHash({ ...subject, detail }),
      });
      const validation = await this.processes.insertValidation(manager, {
        validationId: randomUUID(),
        productCode,
        processVersion,
        decision,
        eventId,
        decidedBy,
        signature,
      });
      await writeAudit(manager, 'production', {
        recordType: subject.recordType,
        recordId: subject.recordId,
        action: 'create',
        actor: decidedBy,
        reason: `QA recorded ${decision.status}, report ${decision.reportReference}, signature ${signature.signatureId}`,
        oldValue: before ?? undefined,
        newValue: validation,
      });
      return validation;
    });
  }

  private async requireDefinition(
    manager: EntityManager,
    productCode: string,
    processVersion: number,
  ) {
    if (!(await this.processes.definition(manager, productCode, processVersion)))
      throw new DomainError('NOT_FOUND', `no process ${productCode} v${processVersion}`);
  }
}
