import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type CreateRecallCommand,
  DomainError,
  type Recall,
  type RecallCheck,
  RECALL_RECORD_TYPE,
  recallSignedDetail,
  requireOperationRole,
  SIGNER_ROLE,
  TOPICS,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { Clock } from '@v2v/service-kit';
import { SignatureRecorder, signedRecordHash } from '@v2v/signatures';
import {
  recallNoticeFor,
  requireRecallReaches,
  requireSameRecall,
  subjectOf,
} from '../recall-rules';
import { AffectedJourney, RecallRepository, RecallTarget } from '../recall.repository';

const targetOf = (c: RecallCheck): RecallTarget => ({
  scope: c.scope,
  ...(c.batchNumber ? { batchNumber: c.batchNumber } : {}),
  ...(c.lotId ? { lotId: c.lotId } : {}),
});

/**
 * QA-04, TRC-01: the qualified person's signed recall of a batch or of a key-material lot. In
 * one transaction: the signature, the recall, one unit per journey the genealogy reaches (found
 * and recorded by one statement), the audit entry and one `recall.notified.v1` per unit through
 * the outbox, which production's consumer signals to the journey and donor-intake turns into
 * the institution's notification. The recall's id is the decision's event id, so a repeat is
 * answered with the recall it made.
 */
@Injectable()
export class CreateRecallUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recalls: RecallRepository,
    private readonly signatures: SignatureRecorder,
    private readonly clock: Clock,
  ) {}

  /** Would this recall be accepted now? The gateway asks before anything is signed. */
  async check(asked: RecallCheck): Promise<{ allowed: true; units: AffectedJourney[] }> {
    const target = targetOf(asked);
    await this.requireKnown(target);
    const units = await this.recalls.affectedJourneys(target);
    requireRecallReaches(target, units);
    return { allowed: true, units };
  }

  async execute(command: CreateRecallCommand): Promise<Recall> {
    const repeat = await this.recalls.recall(command.eventId);
    if (repeat) return this.sameRecall(repeat, command);
    try {
      return await this.record(command);
    } catch (error) {
      const winner =
        uniqueViolationConstraint(error) === 'PK_recall'
          ? await this.recalls.recall(command.eventId)
          : undefined;
      if (winner) return this.sameRecall(winner, command);
      throw error;
    }
  }

  private record(command: CreateRecallCommand): Promise<Recall> {
    const { eventId: recallId, decidedBy, signature } = command;
    const target = targetOf(command);
    requireOperationRole('recallProduct', decidedBy);
    return this.dataSource.transaction(async (manager) => {
      await this.requireKnown(target, manager);
      // CSV-02, PER-03: sealed by the gateway for exactly this recall.
      const subject = { recordType: RECALL_RECORD_TYPE, recordId: recallId };
      await this.signatures.record(manager, signature, {
        meaning: 'recalled',
        decidedBy,
        signerRole: SIGNER_ROLE,
        subject,
        contentHash: signedRecordHash({ ...subject, detail: recallSignedDetail(command) }),
      });
      await this.recalls.insertRecall(manager, {
        recallId,
        target,
        reason: command.reason,
        classification: command.classification,
        signatureId: signature.signatureId,
        decidedBy,
      });
      const units = await this.recalls.insertUnits(manager, recallId, target);
      // Refused after the inserts so that the units are the ones recorded, in the same
      // transaction: a recall reaching nothing rolls back whole, signature included.
      requireRecallReaches(target, units);
      const recall = (await this.recalls.recall(recallId, manager)) as Recall;
      await writeAudit(manager, 'production', {
        recordType: 'recall',
        recordId: recallId,
        action: 'create',
        actor: decidedBy,
        reason: `QA recalled ${target.scope} ${subjectOf(target)} (class ${command.classification}), signature ${signature.signatureId}: ${command.reason}`,
        newValue: recall,
      });
      const occurredAt = this.clock.now();
      for (const unit of units) {
        const notice = recallNoticeFor(recall, target, unit);
        await appendToOutbox(manager, {
          topic: TOPICS.production,
          aggregateType: 'journey',
          aggregateId: unit.donorCode,
          messageType: 'recall.notified.v1',
          producer: 'production',
          causationId: recallId,
          journeyId: unit.journeyId,
          occurredAt,
          payload: {
            donorCode: unit.donorCode,
            journeyId: unit.journeyId,
            actor: decidedBy,
            recordId: recallId,
            summary: `product of batch ${unit.batchNumbers.join(', ')} recalled (class ${notice.classification}, ${notice.scope} ${notice.subject}): ${notice.reason} (QA-04)`,
            detail: { ...notice },
          },
        });
      }
      return recall;
    });
  }

  private async requireKnown(target: RecallTarget, manager = this.dataSource.manager) {
    if (!(await this.recalls.targetKnown(target, manager)))
      throw new DomainError(
        'NOT_FOUND',
        `no ${target.scope === 'batch' ? 'batch' : 'key-material lot'} ${subjectOf(target)}`,
      );
  }

  private sameRecall(existing: Recall, command: CreateRecallCommand): Recall {
    requireSameRecall(existing, { ...targetOf(command), ...command });
    return existing;
  }
}
