import { DomainError } from '@v2v/contracts';
import type { InfusionOnRecord } from './adverse-reaction.repository';

/**
 * TRC-04 (§11(4)): the hospital reports an adverse reaction to the product it infused: only
 * once the infusion is on record, with an onset not before the infusion began.
 */
export function requireReactionAfterInfusion(
  donorCode: string,
  onsetAt: string,
  infusion: InfusionOnRecord | undefined,
): InfusionOnRecord {
  if (!infusion)
    throw new DomainError(
      'STEP_OUT_OF_ORDER',
      `no infusion of ${donorCode} is on record: an adverse reaction is reported after it (TRC-04)`,
    );
  if (Date.parse(onsetAt) < Date.parse(infusion.infusedAt))
    throw new DomainError(
      'VALIDATION_FAILED',
      `the reaction's onset ${onsetAt} is before the infusion began at ${infusion.infusedAt} (TRC-04)`,
      { fieldErrors: [{ path: 'onsetAt', message: 'not before the infusion' }] },
    );
  return infusion;
}
