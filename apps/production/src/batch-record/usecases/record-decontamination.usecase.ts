import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type DecontaminationCommand, DomainError, requireOperationRole } from '@v2v/contracts';
import { FacilityRepository } from '../../facility/facility.repository';
import type { DecontaminationRecord } from '../batch-record';
import { BatchRecordRepository } from '../batch-record.repository';

/**
 * PER-02 (§5(3)): a person's decontamination on leaving a vector or positive-material area,
 * recorded once per event id with its audit entry; append-only.
 */
@Injectable()
export class RecordDecontaminationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: BatchRecordRepository,
    private readonly facility: FacilityRepository,
  ) {}

  async execute(command: DecontaminationCommand): Promise<DecontaminationRecord> {
    requireOperationRole('recordDecontamination', command.recordedBy);
    const repeat = await this.records.decontaminationByEvent(command.eventId);
    if (repeat) return sameRequest(repeat, command);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.facility.area(manager, command.areaCode)))
        throw new DomainError('NOT_FOUND', `no production area ${command.areaCode}`);
      const record = await this.records.insertDecontamination(manager, {
        decontaminationId: randomUUID(),
        eventId: command.eventId,
        person: command.person,
        areaCode: command.areaCode,
        decontaminatedAt: new Date(command.decontaminatedAt).toISOString(),
        method: command.method,
        recordedBy: command.recordedBy,
      });
      await writeAudit(manager, 'production', {
        recordType: 'personnel-decontamination',
        recordId: record.decontaminationId,
        action: 'create',
        actor: command.recordedBy,
        newValue: record,
      });
      return record;
    });
  }
}

/** A repeat of the same Idempotency-Key returns the first record, for the same request only. */
function sameRequest(repeat: DecontaminationRecord, command: DecontaminationCommand) {
  const same =
    repeat.person === command.person &&
    repeat.areaCode === command.areaCode &&
    repeat.recordedBy.userId === command.recordedBy.userId &&
    Date.parse(repeat.decontaminatedAt) === Date.parse(command.decontaminatedAt);
  if (!same)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${command.eventId} was already used for another decontamination`,
    );
  return repeat;
}
