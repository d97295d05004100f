import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  AcknowledgeNotificationCommand,
  acknowledgeNotificationCommandSchema,
  NotificationFeedQuery,
  notificationFeedQuerySchema,
  TrainingDueNotificationCommand,
  trainingDueNotificationCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AcknowledgeNotificationUseCase } from './usecases/acknowledge-notification.usecase';
import { ReadNotificationFeedUseCase } from './usecases/read-notification-feed.usecase';
import { RecordTrainingDueUseCase } from './usecases/record-training-due.usecase';

/** The institutions' notification feeds and their acknowledgement (TRC-04), for the gateway. */
@Controller('internal/notifications')
export class NotificationsController {
  constructor(
    private readonly feed: ReadNotificationFeedUseCase,
    private readonly acknowledgement: AcknowledgeNotificationUseCase,
    private readonly trainingDue: RecordTrainingDueUseCase,
  ) {}

  @Get()
  list(@Query(new ZodBodyPipe(notificationFeedQuerySchema)) query: NotificationFeedQuery) {
    return this.feed.page(query);
  }

  /** OTH-02: the gateway's notice of a clinician's training coming due; idempotent. */
  @Post('training-due')
  recordTrainingDue(
    @Body(new ZodBodyPipe(trainingDueNotificationCommandSchema))
    body: TrainingDueNotificationCommand,
  ) {
    return this.trainingDue.execute(body);
  }

  @Get(':notificationId')
  one(@Param('notificationId') notificationId: string) {
    return this.feed.one(notificationId);
  }

  @Post(':notificationId/acknowledgement')
  acknowledge(
    @Param('notificationId') notificationId: string,
    @Body(new ZodBodyPipe(acknowledgeNotificationCommandSchema))
    body: AcknowledgeNotificationCommand,
  ) {
    return this.acknowledgement.execute(notificationId, body);
  }
}
