import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type BookProcessStepCommand,
  bookProcessStepCommandSchema,
  type CalendarQuery,
  calendarQuerySchema,
  DomainError,
  type CancelBookingCommand,
  cancelBookingCommandSchema,
  type RecordLineClearanceCommand,
  recordLineClearanceCommandSchema,
} from '@v2v/contracts';
import { ZodBodyPipe } from '@v2v/service-kit';
import { RoomBookingRepository } from './room-booking.repository';
import { BookProcessStepUseCase } from './usecases/book-process-step.usecase';
import { CancelBookingUseCase } from './usecases/cancel-booking.usecase';
import { RecordLineClearanceUseCase } from './usecases/record-line-clearance.usecase';

/** Booking ids are uuids; anything else names no booking. */
function bookingId(raw: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw))
    throw new DomainError('NOT_FOUND', `no booking ${raw}`);
  return raw;
}

/** Internal API of the production calendar (PRD-04); the gateway exposes it with roles. */
@Controller('internal/production-calendar')
export class ProductionCalendarController {
  constructor(
    private readonly bookings: RoomBookingRepository,
    private readonly book: BookProcessStepUseCase,
    private readonly cancel: CancelBookingUseCase,
    private readonly clearance: RecordLineClearanceUseCase,
  ) {}

  @Get()
  calendar(@Query(new ZodBodyPipe(calendarQuerySchema)) query: CalendarQuery) {
    return this.bookings.calendar(query.areaCode, new Date(query.from), new Date(query.to));
  }

  @Post('bookings')
  @HttpCode(201)
  bookStep(@Body(new ZodBodyPipe(bookProcessStepCommandSchema)) command: BookProcessStepCommand) {
    return this.book.execute(command);
  }

  @Post('bookings/:bookingId/cancel')
  @HttpCode(200)
  cancelBooking(
    @Param('bookingId') id: string,
    @Body(new ZodBodyPipe(cancelBookingCommandSchema)) command: CancelBookingCommand,
  ) {
    return this.cancel.execute(bookingId(id), command);
  }

  @Post('bookings/:bookingId/line-clearance')
  @HttpCode(200)
  recordLineClearance(
    @Param('bookingId') id: string,
    @Body(new ZodBodyPipe(recordLineClearanceCommandSchema)) command: RecordLineClearanceCommand,
  ) {
    return this.clearance.execute(bookingId(id), command);
  }
}
