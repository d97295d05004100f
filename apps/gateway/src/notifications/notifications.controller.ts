import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  type NotificationAcknowledgementBody,
  notificationAcknowledgementSchema,
  type NotificationFeedQuery,
  notificationFeedQuerySchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { NotificationsService } from './notifications.service';

/** Express 5 leaves a POST without a body undefined: an acknowledgement needs none. */
const acknowledgementBody = notificationAcknowledgementSchema.default({});

/** The hospital's notification feed and its acknowledgements (TRC-04). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles('hospital', 'ops', 'qa-qp', 'scheduler')
  @ApiOperation({
    summary:
      "An institution's notifications, newest first: its patients' journey status changes and deviations, each with severity, message code and parameters, acknowledgement, and `overdue` for an urgent one unacknowledged past the limit (TRC-04). Roles: hospital (own institution only), ops, qa-qp, scheduler (any `institutionId`, or all).",
  })
  @ApiQuery({ name: 'cursor', required: false, description: "the previous page's nextCursor" })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 100, 50 by default' })
  @ApiQuery({ name: 'unacknowledged', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'institutionId', required: false })
  feed(
    @Query(new ZodBodyPipe(notificationFeedQuerySchema)) query: NotificationFeedQuery,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notifications.feed(user, query);
  }

  @Post(':notificationId/acknowledgement')
  @PerformsOperation('acknowledgeNotification')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({
    summary:
      "Acknowledge a notification of the user's institution: recorded once with who and when (a repeat answers the first); another institution's id is answered 404 as an unknown one (TRC-04). Roles: hospital.",
  })
  @ApiBody({ schema: openApiSchema(notificationAcknowledgementSchema) })
  acknowledge(
    @Param('notificationId') notificationId: string,
    @Body(new ZodBodyPipe(acknowledgementBody)) body: NotificationAcknowledgementBody,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.notifications.acknowledge(user, notificationId, body);
  }
}
