import { Injectable } from '@nestjs/common';
import type { ProcessStepBooking } from '@v2v/contracts';
import { actorOf, AuthenticatedUser } from '../auth/authenticated-user';
import { EventIds } from '../idempotency/event-ids';
import type { IdempotencyScope } from '../idempotency/idempotency-scope';
import { ProductionClient } from '../internal/production.client';

/** The production calendar at the edge: production's commands with actor and event id. */
@Injectable()
export class ProductionCalendarService {
  constructor(
    private readonly production: ProductionClient,
    private readonly eventIds: EventIds,
  ) {}

  book(booking: ProcessStepBooking, user: AuthenticatedUser, idempotency?: IdempotencyScope) {
    return this.production.bookProcessStep({
      booking,
      eventId: this.eventIds.of(idempotency),
      bookedBy: actorOf(user),
    });
  }

  cancel(bookingId: string, reason: string, user: AuthenticatedUser) {
    return this.production.cancelBooking(bookingId, { reason, cancelledBy: actorOf(user) });
  }

  recordLineClearance(
    bookingId: string,
    clearance: { clearedAt?: string; note?: string },
    user: AuthenticatedUser,
  ) {
    return this.production.recordLineClearance(bookingId, {
      ...clearance,
      clearedBy: actorOf(user),
    });
  }
}
