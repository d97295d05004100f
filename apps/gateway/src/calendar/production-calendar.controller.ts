import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  bookingCancellationSchema as cancelBody,
  calendarQuerySchema,
  lineClearanceSchema as clearanceBody,
  processStepBookingSchema as bookBody,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Roles } from '../auth/roles.decorator';
import { Idempotency, IdempotencyHeader } from '../idempotency/idempotency.decorator';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';
import { openApiSchema } from '../journeys/step-endpoint.decorator';
import { PerformsOperation } from '../training/performs-operation.decorator';
import { ProductionCalendarService } from './production-calendar.service';

/**
 * The production calendar (PRD-04): steps booked into rooms under the scheduling rules of
 * §9(5), with FAC-01, FAC-02 and PRD-03 checked at booking; cancellations and line clearances.
 */
@ApiTags('production calendar')
@ApiBearerAuth()
@Controller('api/production-calendar')
export class ProductionCalendarController {
  constructor(
    private readonly production: ProductionClient,
    private readonly calendar: ProductionCalendarService,
  ) {}

  @Get()
  @Roles('production-manager', 'scheduler', 'operator')
  @ApiOperation({
    summary:
      "An area's bookings overlapping [from, to), at most 92 days. Roles: production-manager, scheduler, operator.",
  })
  @ApiQuery({ name: 'areaCode', required: true })
  @ApiQuery({ name: 'from', required: true, description: 'ISO 8601 date-time' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO 8601 date-time' })
  bookings(
    @Query(new ZodBodyPipe(calendarQuerySchema)) query: z.infer<typeof calendarQuerySchema>,
  ) {
    return this.production.productionCalendar(query);
  }

  @Post('bookings')
  @PerformsOperation('bookProcessStep')
  @HttpCode(201)
  @Roles('production-manager')
  @IdempotencyHeader()
  @ApiOperation({
    summary:
      'Book a step of a process version into a room, on equipment and a line; refused PRD-04 naming every broken rule of §9(5), FAC-02 (room grade), FAC-01 (integrity check due by the start), PRD-03 (commercial batch on a version not validated). Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(bookBody) })
  book(
    @Body(new ZodBodyPipe(bookBody)) body: z.infer<typeof bookBody>,
    @CurrentUser() user: AuthenticatedUser,
    @Idempotency() idempotency?: IdempotencyScope,
  ) {
    return this.calendar.book(body, user, idempotency);
  }

  @Post('bookings/:bookingId/cancel')
  @PerformsOperation('cancelProcessStepBooking')
  @HttpCode(200)
  @Roles('production-manager')
  @ApiOperation({
    summary: 'Cancel a booked step with the reason, audited. Roles: production-manager.',
  })
  @ApiBody({ schema: openApiSchema(cancelBody) })
  cancel(
    @Param('bookingId') bookingId: string,
    @Body(new ZodBodyPipe(cancelBody)) body: z.infer<typeof cancelBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.calendar.cancel(bookingId, body.reason, user);
  }

  @Post('bookings/:bookingId/line-clearance')
  @PerformsOperation('recordLineClearance')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary:
      "Record the line clearance after a booked step (§9(5)4); the room's next closed step needs it. Roles: operator.",
  })
  @ApiBody({ schema: openApiSchema(clearanceBody) })
  recordLineClearance(
    @Param('bookingId') bookingId: string,
    @Body(new ZodBodyPipe(clearanceBody)) body: z.infer<typeof clearanceBody>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.calendar.recordLineClearance(bookingId, body, user);
  }
}
