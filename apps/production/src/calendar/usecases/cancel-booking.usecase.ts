import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { type CancelBookingCommand, DomainError } from '@v2v/contracts';
import type { RoomBooking } from '../room-booking';
import { RoomBookingRepository } from '../room-booking.repository';

/** The production manager cancels a booking that has not run, with the reason, audited. */
@Injectable()
export class CancelBookingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: RoomBookingRepository,
  ) {}

  execute(bookingId: string, command: CancelBookingCommand): Promise<RoomBooking> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.bookings.booking(manager, bookingId, 'FOR UPDATE');
      if (!before) throw new DomainError('NOT_FOUND', `no booking ${bookingId}`);
      if (before.status !== 'booked')
        throw new DomainError(
          'VALIDATION_FAILED',
          `booking ${bookingId} is ${before.status}; only a booked step can be cancelled`,
        );
      const after = await this.bookings.cancel(manager, bookingId, {
        cancelledBy: command.cancelledBy.userId,
        reason: command.reason,
      });
      await writeAudit(manager, 'production', {
        recordType: 'room-booking',
        recordId: bookingId,
        action: 'update',
        actor: command.cancelledBy,
        reason: command.reason,
        oldValue: before,
        newValue: after,
      });
      return after;
    });
  }
}
