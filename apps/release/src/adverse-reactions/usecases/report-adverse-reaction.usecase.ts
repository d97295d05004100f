import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type AdverseReaction,
  DomainError,
  journeyWorkflowId,
  type ReportAdverseReactionCommand,
  requireDonorCode,
  requireOperationRole,
  TOPICS,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { requireReactionAfterInfusion } from '../adverse-reaction-rules';
import { AdverseReactionRepository } from '../adverse-reaction.repository';

/** What a repeat of the same event id must carry again. */
const sameReport = (a: ReportAdverseReactionCommand, b: AdverseReaction) =>
  a.donorCode === b.donorCode &&
  a.description.trim() === b.description &&
  Date.parse(a.onsetAt) === Date.parse(b.onsetAt) &&
  a.severityGrade === b.severityGrade;

/**
 * TRC-04: the hospital reports an adverse reaction after the infusion (CTCAE grade,
 * seriousness, outcome): recorded once per event id with its audit entry and
 * `adverse-reaction.reported.v1` (the ledger keeps it with the donor's chain; the institution's
 * feed tells the site's other users), in one transaction.
 */
@Injectable()
export class ReportAdverseReactionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reactions: AdverseReactionRepository,
  ) {}

  execute(command: ReportAdverseReactionCommand): Promise<AdverseReaction> {
    requireOperationRole('reportAdverseReaction', command.reportedBy);
    const donorCode = requireDonorCode(command.donorCode);
    const journeyId = journeyWorkflowId(donorCode);
    return this.dataSource.transaction(async (manager) => {
      const earlier = await this.reactions.byEvent(manager, command.eventId);
      if (earlier) {
        if (!sameReport({ ...command, donorCode }, earlier))
          throw new DomainError(
            'IDEMPOTENCY_CONFLICT',
            `event id ${command.eventId} already recorded adverse reaction ${earlier.reactionId}`,
          );
        return earlier;
      }
      const infusion = requireReactionAfterInfusion(
        donorCode,
        command.onsetAt,
        await this.reactions.infusionOf(manager, donorCode),
      );
      const { description, onsetAt, severityGrade, serious, outcome, reportedBy } = command;
      const reaction = await this.reactions.insert(manager, {
        reactionId: randomUUID(),
        donorCode,
        journeyId,
        eventId: command.eventId,
        description: description.trim(),
        onsetAt: new Date(onsetAt).toISOString(),
        severityGrade,
        serious,
        outcome,
        infusionRecordId: infusion.recordId,
        reportedBy,
      });
      await writeAudit(manager, 'release', {
        recordType: 'adverse-reaction',
        recordId: reaction.reactionId,
        journeyId,
        action: 'create',
        actor: reportedBy,
        newValue: reaction,
      });
      await appendToOutbox(manager, {
        topic: TOPICS.release,
        aggregateType: 'journey',
        aggregateId: donorCode,
        messageType: 'adverse-reaction.reported.v1',
        producer: 'release',
        causationId: command.eventId,
        journeyId,
        occurredAt: new Date(reaction.reportedAt),
        payload: {
          donorCode,
          journeyId,
          actor: reportedBy,
          recordId: reaction.reactionId,
          summary:
            `adverse reaction, CTCAE grade ${severityGrade}${serious ? ', serious' : ''}, ${outcome}: ${reaction.description}`.slice(
              0,
              2000,
            ),
          detail: { ...reaction, infusionRecordId: infusion.recordId },
        },
      });
      return reaction;
    });
  }
}
