import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  type RecallUnit,
  type RecordRecallDispositionCommand,
  requireDonorCode,
  requireOperationRole,
  TOPICS,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { Clock } from '@v2v/service-kit';
import { requireUnitOpen } from '../recall-rules';
import { RecallRepository } from '../recall.repository';

/**
 * QA-04: how one recalled unit ended — returned, destroyed, or already infused (the patient is
 * then followed up) — recorded once per unit with its note, audited, and on the donor's chain of
 * custody (`recall.unit-dispositioned.v1`), in one transaction. A repeat of the event id is
 * answered with the unit as it was recorded.
 */
@Injectable()
export class RecordRecallDispositionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly recalls: RecallRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    recallId: string,
    rawDonorCode: string,
    command: RecordRecallDispositionCommand,
  ): Promise<RecallUnit> {
    const donorCode = requireDonorCode(rawDonorCode);
    requireOperationRole('recordRecallDisposition', command.recordedBy);
    const repeat = await this.recalls.unitOfDisposition(command.eventId);
    if (repeat) {
      const { unit } = repeat;
      if (
        repeat.recallId !== recallId ||
        unit.donorCode !== donorCode ||
        unit.disposition?.disposition !== command.disposition
      )
        throw new DomainError(
          'IDEMPOTENCY_CONFLICT',
          `event id ${command.eventId} was already used for another disposition`,
        );
      return unit;
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.recalls.unitForDisposition(manager, recallId, donorCode);
      if (!before) throw new DomainError('NOT_FOUND', `no unit ${donorCode} in recall ${recallId}`);
      requireUnitOpen(before, recallId);
      await this.recalls.insertDisposition(manager, {
        recallId,
        donorCode,
        eventId: command.eventId,
        disposition: command.disposition,
        note: command.note,
        recordedBy: command.recordedBy,
      });
      const after = (await this.recalls.unitForDisposition(
        manager,
        recallId,
        donorCode,
      )) as RecallUnit;
      await writeAudit(manager, 'production', {
        recordType: 'recall-unit',
        recordId: `${recallId}/${donorCode}`,
        journeyId: before.journeyId,
        action: 'update',
        actor: command.recordedBy,
        reason: `${command.disposition}: ${command.note}`,
        oldValue: before,
        newValue: after,
      });
      await appendToOutbox(manager, {
        topic: TOPICS.production,
        aggregateType: 'journey',
        aggregateId: donorCode,
        messageType: 'recall.unit-dispositioned.v1',
        producer: 'production',
        causationId: recallId,
        journeyId: before.journeyId,
        occurredAt: this.clock.now(),
        payload: {
          donorCode,
          journeyId: before.journeyId,
          actor: command.recordedBy,
          recordId: `${recallId}/${donorCode}`,
          summary: `recalled unit ${command.disposition} (recall ${recallId}): ${command.note}`,
          detail: { recallId, disposition: command.disposition, status: after.status },
        },
      });
      return after;
    });
  }
}
