import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  QualityControlReleaseGateActivities,
  TOPICS,
  uniqueViolationConstraint,
} from '@v2v/contracts';
import { appendToOutbox } from '@v2v/messaging';
import { RELEASE_SCHEMA } from '../../release.data-source';
import { ReleaseVoiding, ReleaseVoidingRepository } from '../release-voiding.repository';

type VoidReleaseInput = Parameters<QualityControlReleaseGateActivities['voidRelease']>[0];

/** The release child (or the journey at shipment) found the release void: nobody decided it. */
const SYSTEM = { userId: 'system', role: 'ops' } as const;

/**
 * CSV-02: the journey's latest release is void from now on, recorded once with why and what
 * changed, its audit entry and the custody event `batch.release-voided.v1`, in one transaction.
 * The shipment is refused until the qualified person releases again.
 */
@Injectable()
export class VoidReleaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly voidings: ReleaseVoidingRepository,
  ) {}

  async execute(input: VoidReleaseInput): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const release = await this.voidings.latestRelease(manager, input.donorCode);
        if (!release)
          throw new DomainError('NOT_FOUND', `no release of ${input.donorCode} is on record`);
        // The child of an earlier batch has no say over the release of a re-manufactured one;
        // a release already voided stays voided by its first reason.
        if (release.batchNumber && release.batchNumber !== input.batchNumber) return;
        if (await this.voidings.voidingOf(manager, release.eventId)) return;
        const voiding: ReleaseVoiding = {
          voidingId: randomUUID(),
          donorCode: input.donorCode,
          journeyId: input.journeyId,
          batchNumber: input.batchNumber,
          releaseEventId: release.eventId,
          releaseRecordId: release.recordId,
          reason: input.reason,
          changedItems: input.changed,
        };
        await this.voidings.insert(manager, voiding);
        await writeAudit(manager, RELEASE_SCHEMA, {
          recordType: 'release-voiding',
          recordId: voiding.voidingId,
          journeyId: input.journeyId,
          action: 'create',
          actor: SYSTEM,
          newValue: voiding,
        });
        await appendToOutbox(manager, {
          id: voiding.voidingId,
          topic: TOPICS.release,
          aggregateType: 'journey',
          aggregateId: input.donorCode,
          messageType: 'batch.release-voided.v1',
          producer: 'release',
          causationId: release.eventId,
          journeyId: input.journeyId,
          payload: {
            donorCode: input.donorCode,
            journeyId: input.journeyId,
            actor: SYSTEM,
            recordId: voiding.voidingId,
            summary: input.reason,
            detail: {
              batchNumber: input.batchNumber,
              releaseEventId: release.eventId,
              changed: input.changed,
            },
          },
        });
      });
    } catch (error) {
      // The child and the journey voided the same release at once: the first voiding stands.
      if (uniqueViolationConstraint(error) === 'UQ_release_voiding_release') return;
      throw error;
    }
  }
}
