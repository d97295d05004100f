import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DomainError,
  type ManufacturingSlot,
  type ManufacturingSlotConfirmation,
} from '@v2v/contracts';
import { ManufacturingSlotRepository } from '../manufacturing-slot.repository';
import { auditSlot } from '../slot-audit';
import { journeySlot } from './journey-slot';

/**
 * The second phase, once the step that needed the slot is recorded: the hold is booked, and the
 * journey's previous booked slot is released as rebooked, the new slot naming it. Confirming a
 * booked slot again answers it unchanged; a released one cannot be booked any more.
 */
@Injectable()
export class ConfirmManufacturingSlotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: ManufacturingSlotRepository,
  ) {}

  execute(input: ManufacturingSlotConfirmation): Promise<ManufacturingSlot> {
    return this.dataSource.transaction(async (manager) => {
      await this.slots.lockDonor(manager, input.donorCode);
      const held = journeySlot(await this.slots.slot(manager, input.slotId), input);
      if (held.status === 'booked') return held;
      if (held.status === 'released')
        // A conflict with the slot's state, as a step out of its order is: the hold was given up
        // (its step refused, or released), so the step has to hold a new slot.
        throw new DomainError(
          'STEP_OUT_OF_ORDER',
          `manufacturing slot ${held.slotId} was released (${held.releaseReason}) and cannot be booked; hold a new slot`,
          { slotId: held.slotId },
        );
      const previous = await this.slots.bookedOf(manager, input.donorCode);
      if (previous) {
        const reason = `rebooked: ${held.reason}`;
        const released = await this.slots.release(manager, previous.slotId, {
          at: input.occurredAt,
          by: input.actor,
          reason,
        });
        await auditSlot(manager, input.actor, released, { before: previous, reason });
      }
      const booked = await this.slots.book(manager, held.slotId, previous?.slotId ?? null);
      await auditSlot(manager, input.actor, booked, {
        before: held,
        reason: `booked: ${held.reason}`,
      });
      return booked;
    });
  }
}
