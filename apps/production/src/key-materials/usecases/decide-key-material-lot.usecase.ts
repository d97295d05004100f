import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type DecideKeyMaterialLotCommand, DomainError, SIGNER_ROLE } from '@v2v/contracts';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import { isoDay, KeyMaterialLot, LotDecision } from '../key-material';
import { assertLotDecidable } from '../key-material-rules';
import { KeyMaterialRepository, publicLot, type StoredLot } from '../key-material.repository';
import { Clock } from '@v2v/service-kit';

// The command's schema is the key-material contract shared with the gateway (libs/contracts).
export {
  decideKeyMaterialLotCommandSchema,
  type DecideKeyMaterialLotCommand,
} from '@v2v/contracts';

/**
 * MAT-01: QA releases or rejects a lot in quarantine, once, as a signed decision. `check` lets
 * the gateway refuse before anything is signed; `execute` checks again under the row lock.
 */
@Injectable()
export class DecideKeyMaterialLotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly materials: KeyMaterialRepository,
    private readonly signatures: SignatureRecorder,
    private readonly clock: Clock,
  ) {}

  async check(
    lotId: string,
    decision: LotDecision,
    eventId: string,
    now = this.clock.now(),
  ): Promise<{ lotId: string; decision: LotDecision; allowed: true }> {
    const lot = await this.materials.findLot(lotId);
    // A retry of the decision recorded under this event id is allowed: `execute` answers it
    // with the lot as decided, though the lot has left quarantine.
    if (!earlierDecision(lot, lotId, eventId, decision))
      assertLotDecidable(lot, lotId, decision, isoDay(now));
    return { lotId, decision, allowed: true };
  }

  async execute(
    lotId: string,
    command: DecideKeyMaterialLotCommand,
    now = this.clock.now(),
  ): Promise<KeyMaterialLot> {
    const { decision, signature, decidedBy } = command;
    if (decision === 'rejected' && !command.comment) {
      throw new DomainError('VALIDATION_FAILED', `a rejection of lot ${lotId} records its reason`, {
        fieldErrors: [{ path: 'comment', message: 'required for a rejection' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.materials.findLot(lotId, manager, 'FOR UPDATE');
      const earlier = earlierDecision(before, lotId, command.eventId, decision);
      if (earlier) return earlier;
      assertLotDecidable(before, lotId, decision, isoDay(now));
      // CSV-02, PER-03: sealed by the gateway for exactly this decision on this lot.
      const subject = { recordType: 'key-material-lot', recordId: lotId };
      const detail = { lotId, decision, comment: command.comment ?? null };
      await this.signatures.record(manager, signature, {
        meaning: decision,
        decidedBy,
        signerRole: SIGNER_ROLE,
        subject,
        contentHash: signedRecordHash({ ...subject, detail }),
      });
      const after = publicLot(
        await this.materials.recordDecision(manager, lotId, command.eventId, {
          decision,
          decidedBy: decidedBy.userId,
          comment: command.comment ?? null,
          signature,
        }),
      );
      await writeAudit(manager, 'production', {
        recordType: 'key-material-lot',
        recordId: lotId,
        action: 'update',
        actor: decidedBy,
        reason: `QA ${decision} the lot, signature ${signature.signatureId}${command.comment ? `: ${command.comment}` : ''}`,
        oldValue: publicLot(before),
        newValue: after,
      });
      return after;
    });
  }
}

/**
 * The lot as the decision under this event id left it, or undefined if no decision was recorded
 * under it; the id used for the other decision is a conflict.
 */
function earlierDecision(
  lot: StoredLot | undefined,
  lotId: string,
  eventId: string,
  decision: LotDecision,
): KeyMaterialLot | undefined {
  if (!lot || lot.decisionEventId !== eventId) return undefined;
  if (lot.status !== decision)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${eventId} was already used to ${lot.status === 'released' ? 'release' : 'reject'} lot ${lotId}`,
    );
  return publicLot(lot);
}
