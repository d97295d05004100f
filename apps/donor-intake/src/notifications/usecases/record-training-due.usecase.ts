import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { TrainingDueNotificationCommand } from '@v2v/contracts';
import { Clock, IdGenerator } from '@v2v/service-kit';
import { DONOR_INTAKE_SCHEMA } from '../../donor-intake.data-source';
import { NotificationRepository } from '../notification.repository';

const SYSTEM = { userId: 'system', role: 'ops' } as const;

/**
 * TRC-04, OTH-02: a clinician's training for a hospital-signed step expires soon; the
 * institution's feed says so, once per record and expiry (the command's derived source event
 * id is unique in the feed), and it is acknowledged like any other notification. It concerns
 * no patient, so it carries no donor code.
 */
@Injectable()
export class RecordTrainingDueUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** Whether this call recorded it (false: the notice was in the feed already). */
  async execute(command: TrainingDueNotificationCommand): Promise<{ recorded: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const notification = {
        id: this.ids.newId(),
        institutionId: command.institutionId,
        donorCode: null,
        kind: 'training-due' as const,
        severity: 'attention' as const,
        messageCode: 'training-due',
        parameters: {
          username: command.username,
          operation: command.operation,
          expiresOn: command.expiresOn,
        },
        sourceEventId: command.sourceEventId,
        sourceMessageType: 'training-record.coming-due',
        occurredAt: this.clock.now().toISOString(),
      };
      if (!(await this.notifications.insertOnce(manager, notification))) return { recorded: false };
      await writeAudit(manager, DONOR_INTAKE_SCHEMA, {
        recordType: 'institution-notification',
        recordId: notification.id,
        action: 'create',
        actor: SYSTEM,
        newValue: { ...notification, trainingRecordId: command.trainingRecordId },
      });
      return { recorded: true };
    });
  }
}
