import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  DomainError,
  journeyWorkflowId,
  type RecordSampleCommand,
  requireOperationRole,
} from '@v2v/contracts';
import { requireRetentionPeriod } from '../retention-rules';
import { NewSample, Sample, SampleRepository } from '../sample.repository';

/** The fields a repeat of the same request must carry again. */
const sameRequest = (a: NewSample, b: Sample) =>
  JSON.stringify([a.purpose, a.subject, a.donorCode, a.lotId, a.quantity, a.retentionUntil]) ===
  JSON.stringify([b.purpose, b.subject, b.donorCode, b.lotId, b.quantity, b.retentionUntil]);

/**
 * QA-01: QC records a QC or retention sample with its quantity, container, place, storage
 * condition and retention end, once per event id, with its audit entry in one transaction.
 */
@Injectable()
export class RecordSampleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly samples: SampleRepository,
  ) {}

  async execute(command: RecordSampleCommand): Promise<Sample> {
    requireOperationRole('recordSample', command.recordedBy);
    const sample = newSample(command);
    requireRetentionPeriod({
      ...command,
      lotExpiresOn: sample.lotExpiresOn ?? undefined,
    });
    return this.dataSource.transaction(async (manager) => {
      const earlier = await this.samples.sampleByEvent(manager, command.eventId);
      if (earlier) {
        if (!sameRequest(sample, earlier))
          throw new DomainError(
            'IDEMPOTENCY_CONFLICT',
            `event id ${command.eventId} already recorded sample ${earlier.sampleId}`,
          );
        return earlier;
      }
      const recorded = await this.samples.insertSample(manager, sample);
      await writeAudit(manager, 'release', {
        recordType: 'sample',
        recordId: recorded.sampleId,
        journeyId: recorded.donorCode ? journeyWorkflowId(recorded.donorCode) : undefined,
        action: 'create',
        actor: command.recordedBy,
        newValue: recorded,
      });
      return recorded;
    });
  }
}

/** The row of a command; an intermediate's or final product's sample names its batch. */
function newSample(command: RecordSampleCommand): NewSample {
  const lot = command.subject === 'key-material-lot' ? command : undefined;
  const journey = command.subject === 'key-material-lot' ? undefined : command;
  if (journey && (journey.subject === 'donor-material') === Boolean(journey.batchNumber))
    throw new DomainError(
      'VALIDATION_FAILED',
      journey.batchNumber
        ? 'a sample of donor material names no batch'
        : `a sample of the ${journey.subject} names its batch`,
      {
        fieldErrors: [{ path: 'batchNumber', message: 'only for intermediate and final-product' }],
      },
    );
  return {
    sampleId: randomUUID(),
    eventId: command.eventId,
    purpose: command.purpose,
    subject: command.subject,
    donorCode: journey?.donorCode ?? null,
    batchNumber: journey?.batchNumber ?? null,
    materialCode: lot?.materialCode ?? null,
    lotId: lot?.lotId ?? null,
    lotExpiresOn: lot?.lotExpiresOn ?? null,
    quantity: command.quantity,
    unit: command.unit,
    container: command.container,
    storageLocation: command.storageLocation,
    storageCondition: command.storageCondition,
    retentionUntil: command.retentionUntil ?? null,
    takenAt: new Date(command.takenAt).toISOString(),
    recordedBy: command.recordedBy,
  };
}
