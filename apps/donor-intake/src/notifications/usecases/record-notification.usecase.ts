import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { EventEnvelope, journeyWorkflowId } from '@v2v/contracts';
import type { EventHandler } from '@v2v/messaging';
import { IdGenerator } from '@v2v/service-kit';
import { DONOR_INTAKE_SCHEMA } from '../../donor-intake.data-source';
import { NotificationRepository } from '../notification.repository';
import { notificationFor } from '../notification-rules';

const SYSTEM = { userId: 'system', role: 'ops' } as const;

/**
 * TRC-04: turns a custody event a hospital must hear of into a notification in the feed of the
 * donor's institution, as the donor register holds it. Runs in the inbox transaction of the
 * notification consumer (once per event id); the unique source event id keeps it at one row
 * even past the inbox. A refused event (notificationFor) throws and is set aside.
 */
@Injectable()
export class RecordNotificationUseCase {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const draft = notificationFor(envelope);
    if (!draft) return;
    const institutionId = await this.notifications.institutionOf(manager, draft.donorCode);
    // Every journey's donor is registered here first: a code the register does not hold is no
    // institution's patient (another service's own test records), so there is no one to tell.
    if (!institutionId) return;
    const notification = { ...draft, id: this.ids.newId(), institutionId };
    if (!(await this.notifications.insertOnce(manager, notification))) return;
    await writeAudit(manager, DONOR_INTAKE_SCHEMA, {
      recordType: 'institution-notification',
      recordId: notification.id,
      journeyId: journeyWorkflowId(draft.donorCode),
      action: 'create',
      actor: SYSTEM,
      newValue: notification,
    });
  }

  /** The use case as the notification consumer's handler. */
  handler(): EventHandler {
    return (envelope, manager) => this.execute(envelope, manager);
  }
}
