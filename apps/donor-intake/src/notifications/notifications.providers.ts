import { NotificationRepository } from './notification.repository';
import { AcknowledgeNotificationUseCase } from './usecases/acknowledge-notification.usecase';
import { ReadNotificationFeedUseCase } from './usecases/read-notification-feed.usecase';
import { RecordNotificationUseCase } from './usecases/record-notification.usecase';
import { RecordTrainingDueUseCase } from './usecases/record-training-due.usecase';

/**
 * TRC-04, the institutions' notification feed: its providers, listed here so the service module
 * adds one line. Its consumer is wired with the service's other ones.
 */
export const NOTIFICATION_PROVIDERS = [
  NotificationRepository,
  RecordNotificationUseCase,
  ReadNotificationFeedUseCase,
  AcknowledgeNotificationUseCase,
  RecordTrainingDueUseCase,
];
