import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ManufacturingSlot, ManufacturingSlotRelease } from '@v2v/contracts';
import { ManufacturingSlotRepository } from '../manufacturing-slot.repository';
import { auditSlot } from '../slot-audit';
import { journeySlot } from './journey-slot';

/**
 * Frees a slot: a hold whose step was refused (by slot id), or the journey's booked slot (a
 * rejected unit or batch, a cancelled journey). What is already released, or a journey without
 * a booked slot, answers null and records nothing, so a retried release changes nothing.
 */
@Injectable()
export class ReleaseManufacturingSlotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly slots: ManufacturingSlotRepository,
  ) {}

  execute(input: ManufacturingSlotRelease): Promise<ManufacturingSlot | null> {
    return this.dataSource.transaction(async (manager) => {
      await this.slots.lockDonor(manager, input.donorCode);
      const slot =
        input.slotId === undefined
          ? await this.slots.bookedOf(manager, input.donorCode)
          : journeySlot(await this.slots.slot(manager, input.slotId), input);
      if (!slot || slot.status === 'released') return null;
      const released = await this.slots.release(manager, slot.slotId, {
        at: input.occurredAt,
        by: input.actor,
        reason: input.reason,
      });
      await auditSlot(manager, input.actor, released, { before: slot, reason: input.reason });
      return released;
    });
  }
}
