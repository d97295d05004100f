import { Injectable } from '@nestjs/common';
import {
  DomainError,
  InstitutionNotification,
  noNotificationMessage,
  NotificationFeedQuery,
  NotificationPage,
} from '@v2v/contracts';
import { Clock, ServiceConfig } from '@v2v/service-kit';
import { NotificationRepository, StoredNotification } from '../notification.repository';
import {
  acknowledgementLimitMs,
  decodeFeedCursor,
  encodeFeedCursor,
  isAcknowledgementOverdue,
  isNotificationId,
} from '../notification-rules';

/**
 * TRC-04: the notification feed as the gateway reads it, newest first, page by page, each
 * notification with `overdue` judged now against the configured acknowledgement limit.
 */
@Injectable()
export class ReadNotificationFeedUseCase {
  private readonly limitMs: number;

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
    config: ServiceConfig,
  ) {
    this.limitMs = acknowledgementLimitMs(config.env);
  }

  async page(query: NotificationFeedQuery): Promise<NotificationPage> {
    const rows = await this.notifications.page({
      institutionId: query.institutionId,
      unacknowledged: query.unacknowledged,
      before: query.cursor === undefined ? undefined : decodeFeedCursor(query.cursor),
      // One more than the page: whether a next page exists, without counting.
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      notifications: this.judged(page),
      nextCursor: rows.length > query.limit && last ? encodeFeedCursor(last) : null,
    };
  }

  /** One notification; NOT_FOUND for an id that names none. */
  async one(notificationId: string): Promise<InstitutionNotification> {
    const found = isNotificationId(notificationId)
      ? await this.notifications.find(notificationId)
      : undefined;
    if (!found) throw new DomainError('NOT_FOUND', noNotificationMessage(notificationId));
    return this.judged([found])[0];
  }

  private judged(notifications: StoredNotification[]): InstitutionNotification[] {
    const now = this.clock.now();
    return notifications.map((n) => ({
      ...n,
      overdue: isAcknowledgementOverdue(n, now, this.limitMs),
    }));
  }
}
