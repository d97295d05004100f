import { Injectable } from '@nestjs/common';
import {
  noNotificationMessage,
  type NotificationAcknowledgementBody,
  type NotificationFeedQuery,
} from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { DonorIntakeClient } from '../internal/donor-intake.client';
import { ConcealedRefusal } from '../refusals/concealed-refusal';
import { institutionAccessRefusal } from '../tenancy/tenancy-rules';
import { feedInstitution } from './notification-tenancy';

/**
 * TRC-04: the institutions' notification feeds, kept by donor-intake (the owner of the donor
 * register each notification's institution comes from), and the hospital's acknowledgements.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly donorIntake: DonorIntakeClient) {}

  feed(user: AuthenticatedUser, query: NotificationFeedQuery) {
    return this.donorIntake.notifications({
      ...query,
      institutionId: feedInstitution(user, query.institutionId),
    });
  }

  /**
   * Another institution's notification is answered exactly as an unknown id (404), with the
   * reason on record; donor-intake checks the institution again where it records.
   */
  async acknowledge(
    user: AuthenticatedUser,
    notificationId: string,
    body: NotificationAcknowledgementBody,
  ) {
    const notification = await this.donorIntake.notification(notificationId);
    const refusal = institutionAccessRefusal(user, notification.institutionId);
    if (refusal || user.institutionId === null)
      throw new ConcealedRefusal(
        'NOT_FOUND',
        noNotificationMessage(notificationId),
        refusal ?? 'the hospital user belongs to no institution',
      );
    return this.donorIntake.acknowledgeNotification(notificationId, {
      ...body,
      acknowledgedBy: actorOf(user),
      institutionId: user.institutionId,
    });
  }
}
