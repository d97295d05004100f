import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import {
  type BatchKind,
  type BookProcessStepCommand,
  DomainError,
  type ProcessStepBooking,
  requireDonorCode,
} from '@v2v/contracts';
import { Clock } from '@v2v/service-kit';
import { FacilityRepository } from '../../facility/facility.repository';
import { ProcessValidationStanding } from '../../processes/usecases/process-validation-standing.usecase';
import type { ValidationStanding } from '../../processes/process-rules';
import type { BookingCandidate, BookingFacts, RoomBooking } from '../room-booking';
import { RoomBookingRepository } from '../room-booking.repository';
import { requireBookingAllowed } from '../scheduling-rules';

type Placement = Pick<
  ProcessStepBooking,
  'donorCode' | 'productCode' | 'processVersion' | 'stepId' | 'roomCode'
> & {
  lineCode: string | null;
  equipmentCode: string | null;
  incubatorCompartment: number | null;
  positiveMaterial: boolean;
  startsAt: Date;
  endsAt: Date;
  batchKind: BatchKind;
  bookingId?: string;
};

/**
 * PRD-04 (with PRD-03, FAC-01, FAC-02): the production manager books one step of a process
 * version into a room, on equipment and a line. The step is read from the definition, the
 * room and equipment from the facility register; under the area's lock the overlapping
 * bookings are read, every rule is checked and the booking is written with its audit entry.
 * `recheckAtStart` runs the same checks again when the step starts (the batch record).
 */
@Injectable()
export class BookProcessStepUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bookings: RoomBookingRepository,
    private readonly facility: FacilityRepository,
    private readonly validation: ProcessValidationStanding,
    private readonly clock: Clock,
  ) {}

  execute(command: BookProcessStepCommand, now = this.clock.now()): Promise<RoomBooking> {
    const { booking, eventId, bookedBy } = command;
    return this.dataSource.transaction(async (manager) => {
      const repeat = await this.bookings.bookingByEvent(manager, eventId);
      if (repeat) return sameRequest(repeat, booking, eventId);
      const placement: Placement = {
        ...booking,
        donorCode: requireDonorCode(booking.donorCode),
        equipmentCode: booking.equipmentCode ?? null,
        incubatorCompartment: booking.incubatorCompartment ?? null,
        startsAt: new Date(booking.startsAt),
        endsAt: new Date(booking.endsAt),
      };
      const { candidate, standing } = await this.checked(manager, placement, now);
      const created = await this.bookings.insert(manager, {
        ...candidate,
        bookingId: randomUUID(),
        batchKind: booking.batchKind,
        validationStanding: standing,
        bookedBy: bookedBy.userId,
        eventId,
      });
      await writeAudit(manager, 'production', {
        recordType: 'room-booking',
        recordId: created.bookingId,
        action: 'create',
        actor: bookedBy,
        newValue: created,
      });
      return created;
    });
  }

  /**
   * PRD-04 "again when it starts": the booking checked against the calendar, the facility and
   * the validation as they are at `startedAt`, in the caller's transaction; refused with the
   * rule's code like a booking.
   */
  async recheckAtStart(manager: EntityManager, bookingId: string, startedAt: Date) {
    const booking = await this.bookings.booking(manager, bookingId);
    if (!booking) throw new DomainError('NOT_FOUND', `no booking ${bookingId}`);
    if (booking.status !== 'booked')
      throw new DomainError('PRD-04', `booking ${bookingId} is ${booking.status} (PRD-04)`);
    return (await this.checked(manager, booking, startedAt)).candidate;
  }

  private async checked(
    manager: EntityManager,
    placement: Placement,
    now: Date,
  ): Promise<{ candidate: BookingCandidate; standing: ValidationStanding }> {
    const { productCode, processVersion } = placement;
    const { definition, validation, standing } = await this.validation.require(
      manager,
      productCode,
      processVersion,
      placement.batchKind,
    );
    const step = definition.content.steps.find((s) => s.stepId === placement.stepId);
    if (!step)
      throw new DomainError(
        'NOT_FOUND',
        `process ${productCode} v${processVersion} has no step ${placement.stepId}`,
      );
    const room = await this.facility.room(manager, placement.roomCode);
    if (!room) throw new DomainError('NOT_FOUND', `no room ${placement.roomCode}`);
    const equipment = placement.equipmentCode
      ? await this.facility.equipment(manager, placement.equipmentCode)
      : undefined;
    if (placement.equipmentCode && !equipment)
      throw new DomainError('NOT_FOUND', `no equipment ${placement.equipmentCode}`);
    const line = placement.lineCode
      ? await this.facility.line(manager, placement.lineCode)
      : undefined;
    if (placement.lineCode && !line)
      throw new DomainError('NOT_FOUND', `no production line ${placement.lineCode}`);
    const candidate: BookingCandidate = {
      bookingId: placement.bookingId,
      donorCode: placement.donorCode,
      productCode,
      processVersion,
      stepId: step.stepId,
      roomCode: room.roomCode,
      areaCode: room.areaCode,
      equipmentCode: equipment?.equipmentCode ?? null,
      equipmentClass: equipment?.equipmentClass ?? null,
      incubatorCompartment: placement.incubatorCompartment,
      lineCode: line?.lineCode ?? null,
      operationType: step.operationType,
      cellCulture: step.cellCulture,
      positiveMaterial: placement.positiveMaterial,
      startsAt: placement.startsAt,
      endsAt: placement.endsAt,
    };
    await this.bookings.lockArea(manager, room.areaCode);
    const calendar = await this.bookings.calendarAround(manager, {
      areaCode: room.areaCode,
      roomCode: room.roomCode,
      from: candidate.startsAt,
      to: candidate.endsAt,
    });
    const facts: BookingFacts = {
      room,
      equipment,
      line,
      step,
      worstCase: validation?.worstCase ?? null,
      now,
    };
    requireBookingAllowed(candidate, calendar, facts);
    return { candidate, standing };
  }
}

/** A repeat of the same Idempotency-Key returns the first booking, for the same request only. */
function sameRequest(repeat: RoomBooking, booking: ProcessStepBooking, eventId: string) {
  const same =
    repeat.donorCode === booking.donorCode &&
    repeat.productCode === booking.productCode &&
    repeat.stepId === booking.stepId &&
    repeat.roomCode === booking.roomCode &&
    repeat.startsAt.getTime() === Date.parse(booking.startsAt);
  if (!same)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${eventId} already booked step ${repeat.stepId} for ${repeat.donorCode}`,
    );
  return repeat;
}
