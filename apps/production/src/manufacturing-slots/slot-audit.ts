import type { EntityManager } from 'typeorm';
import { writeAudit } from '@v2v/audit';
import type { Actor, ManufacturingSlot } from '@v2v/contracts';

export const SLOT_RECORD_TYPE = 'manufacturing-slot';

/**
 * CSV-01: a slot's creation or change, on the journey's audit chain, in the caller's
 * transaction; a change names its reason and the slot as it was.
 */
export function auditSlot(
  manager: EntityManager,
  actor: Actor,
  slot: ManufacturingSlot,
  change?: { before: ManufacturingSlot; reason: string },
): Promise<void> {
  return writeAudit(manager, 'production', {
    recordType: SLOT_RECORD_TYPE,
    recordId: slot.slotId,
    journeyId: slot.journeyId,
    action: change ? 'update' : 'create',
    actor,
    ...(change ? { reason: change.reason, oldValue: change.before } : {}),
    newValue: slot,
  });
}
