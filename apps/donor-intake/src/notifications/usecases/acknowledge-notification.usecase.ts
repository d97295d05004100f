import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  AcknowledgeNotificationCommand,
  InstitutionNotification,
  journeyWorkflowId,
  requireOperationRole,
} from '@v2v/contracts';
import { DONOR_INTAKE_SCHEMA } from '../../donor-intake.data-source';
import { NotificationRepository } from '../notification.repository';
import { isNotificationId, requireOwnNotification } from '../notification-rules';

/**
 * TRC-04: a hospital user acknowledges a notification of its own institution, checked here
 * again (a forged internal call for another institution's id meets the 404 of an unknown one).
 * The first acknowledgement stands: a repeat, by the same user or another, answers it and
 * records nothing. Acknowledgement and audit entry commit together.
 */
@Injectable()
export class AcknowledgeNotificationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
  ) {}

  execute(notificationId: string, command: AcknowledgeNotificationCommand) {
    const { acknowledgedBy, institutionId } = command;
    requireOperationRole('acknowledgeNotification', acknowledgedBy);
    return this.dataSource.transaction(async (manager): Promise<InstitutionNotification> => {
      const notification = requireOwnNotification(
        isNotificationId(notificationId)
          ? await this.notifications.find(notificationId, manager)
          : undefined,
        notificationId,
        institutionId,
      );
      const note = command.note ?? null;
      const recorded = await this.notifications.acknowledgeOnce(manager, {
        notificationId,
        institutionId,
        by: acknowledgedBy,
        note,
      });
      if (recorded) {
        await writeAudit(manager, DONOR_INTAKE_SCHEMA, {
          recordType: 'notification-acknowledgement',
          recordId: notificationId,
          // An institution-wide notice (training-due) belongs to no journey.
          journeyId: notification.donorCode ? journeyWorkflowId(notification.donorCode) : undefined,
          action: 'create',
          actor: acknowledgedBy,
          newValue: { notificationId, institutionId, note },
        });
      }
      const acknowledged = (await this.notifications.find(notificationId, manager))!;
      // An acknowledged notification is never overdue (isAcknowledgementOverdue).
      return { ...acknowledged, overdue: false };
    });
  }
}
