import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@v2v/contracts';
import { custodyChainOf, donorPatientLinkOf } from './custody-event';
import { LedgerRepository } from './ledger.repository';

/**
 * The consumer's handler: every custody event goes onto its donor's chain; the donor
 * registration also links the donor code to the pseudonymous patient reference (TRC-01).
 * Runs inside the inbox transaction, so it is applied exactly once per event id. Everything is
 * validated before anything is written: an invalid event throws a ZodError and is kept aside.
 */
export function recordCustodyEvent(ledger: Pick<LedgerRepository, 'append' | 'link'>) {
  return async (envelope: EventEnvelope, manager: EntityManager): Promise<void> => {
    const chainId = custodyChainOf(envelope);
    if (envelope.messageType === 'donor.registered.v1') {
      await ledger.link(manager, { donorCode: chainId, ...donorPatientLinkOf(envelope) });
    }
    await ledger.append(manager, chainId, envelope);
  };
}
