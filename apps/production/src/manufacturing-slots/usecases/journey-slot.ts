import { DomainError, type ManufacturingSlot } from '@v2v/contracts';

/** The slot, if it is the journey's: another journey's slot id reads as no slot at all. */
export function journeySlot(
  slot: ManufacturingSlot | undefined,
  input: { donorCode: string; slotId?: string },
): ManufacturingSlot {
  if (!slot || slot.donorCode !== input.donorCode)
    throw new DomainError(
      'NOT_FOUND',
      `journey ${input.donorCode} has no manufacturing slot ${input.slotId ?? ''}`.trimEnd(),
    );
  return slot;
}
