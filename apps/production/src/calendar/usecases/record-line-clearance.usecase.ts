import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import { DomainError, type RecordLineClearanceCommand } from '@v2v/contracts';
import { Clock } from '@v2v/service-kit';
import type { RoomBooking } from '../room-booking';
import { RoomBookingRepository } from '../room-booking.repository';

/**
 * §9(5)4, PRD-04: the operator records the line clearance of a booked step once it has run;
 * the room's next closed step is refused until it is recorded. Audited. Recorded once: the
 * repeat of a request whose answer was lost gets the clearance it recorded (CSV-01).
 */
@Injectable()
export class RecordLineClearanceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: RoomBookingRepository,
    private readonly clock: Clock,
  ) {}

  execute(
    bookingId: string,
    command: RecordLineClearanceCommand,
    now = this.clock.now(),
  ): Promise<RoomBooking> {
    const clearedAt = command.clearedAt ? new Date(command.clearedAt) : now;
    return this.dataSource.transaction(async (manager) => {
      const before = await this.bookings.booking(manager, bookingId, 'FOR UPDATE');
      if (!before) throw new DomainError('NOT_FOUND', `no booking ${bookingId}`);
      if (sameClearance(before, command)) return before;
      const refuse = (why: string, path: string) =>
        new DomainError('VALIDATION_FAILED', `line clearance of booking ${bookingId}: ${why}`, {
          fieldErrors: [{ path, message: why }],
        });
      if (before.status !== 'booked') throw refuse(`the booking is ${before.status}`, 'bookingId');
      if (clearedAt.getTime() < before.startsAt.getTime() || clearedAt.getTime() > now.getTime())
        throw refuse(
          'clearance is recorded after the step started and not in the future',
          'clearedAt',
        );
      const after = await this.bookings.recordLineClearance(manager, bookingId, {
        clearedAt,
        clearedBy: command.clearedBy.userId,
        note: command.note ?? null,
      });
      await writeAudit(manager, 'production', {
        recordType: 'room-booking',
        recordId: bookingId,
        action: 'update',
        actor: command.clearedBy,
        reason: `line clearance${command.note ? `: ${command.note}` : ''}`,
        oldValue: before,
        newValue: after,
      });
      return after;
    });
  }
}

/** The same operator's clearance with the same note (and time, where given) is on record. */
function sameClearance(before: RoomBooking, command: RecordLineClearanceCommand): boolean {
  return (
    before.status === 'completed' &&
    before.lineClearanceAt !== null &&
    before.lineClearanceBy === command.clearedBy.userId &&
    before.lineClearanceNote === (command.note ?? null) &&
    (!command.clearedAt || Date.parse(command.clearedAt) === before.lineClearanceAt.getTime())
  );
}
