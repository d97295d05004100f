import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type DeviationNotice, TOPICS } from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import type { StepInput } from '@v2v/service-kit';
import { ProductEmergencyRepository } from '../product-emergency.repository';

/**
 * QA-04, TRC-03: a bedside check that does not match is refused, and that refusal writes
 * nothing in the step's transaction; so the emergency is recorded here, in its own transaction
 * before the refusal: the emergency with both scans, its audit entry and `deviation.raised.v1`
 * (the institution's feed makes it urgent; the manufacturer lists it with the journey's
 * deviations). Once per attempt: a retried activity of the same event id finds it and raises
 * nothing more.
 */
@Injectable()
export class RaiseBedsideMismatchUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly emergencies: ProductEmergencyRepository,
  ) {}

  execute(input: StepInput<'recordInfusion'>, description: string): Promise<DeviationNotice> {
    const { donorCode, journeyId, actor, eventId } = input;
    return this.dataSource.transaction(async (manager) => {
      const record = {
        emergencyId: randomUUID(),
        donorCode,
        journeyId,
        description,
        bedsideScans: input.payload.verifications,
        raisedAt: input.occurredAt,
        stepEventId: eventId,
      };
      if (!(await this.emergencies.insertBedsideMismatch(manager, record))) {
        const earlier = (await this.emergencies.bedsideMismatchOf(manager, eventId))!;
        return {
          deviationId: earlier.deviationId,
          rule: 'QA-04',
          detectedAt: new Date(earlier.raisedAt).toISOString(),
          description: earlier.description,
        };
      }
      await writeAudit(manager, 'release', {
        recordType: 'product-emergency',
        recordId: record.emergencyId,
        journeyId,
        action: 'create',
        actor,
        reason: description,
        newValue: record,
      });
      const notice: DeviationNotice = {
        deviationId: record.emergencyId,
        rule: 'QA-04',
        detectedAt: input.occurredAt,
        description,
      };
      await appendToOutbox(manager, {
        topic: TOPICS.release,
        aggregateType: 'journey',
        aggregateId: donorCode,
        messageType: 'deviation.raised.v1',
        producer: 'release',
        causationId: record.emergencyId,
        journeyId,
        occurredAt: new Date(input.occurredAt),
        payload: {
          donorCode,
          journeyId,
          actor: { userId: actor.userId, role: actor.role },
          recordId: record.emergencyId,
          summary: description,
          detail: { ...notice, kind: 'bedside-mismatch', bedsideScans: record.bedsideScans },
        },
      });
      return notice;
    });
  }
}
