import { EntityManager } from 'typeorm';
import { donorRegisteredPayloadSchema, EventEnvelope } from '@v2v/contracts';
import { LedgerRepository } from './ledger.repository';

/**
 * The consumer's handler: every custody event goes onto its donor's chain; the donor
 * registration also links the donor code to the pseudonymous patient reference (TRC-01).
 * Runs inside the inbox transaction, so it is applied exactly once per event id.
 */
export function recordCustodyEvent(ledger: LedgerRepository) {
  return async (envelope: EventEnvelope, manager: EntityManager): Promise<void> => {
    const chainId = envelope.aggregateId;
    if (envelope.messageType === 'donor.registered.v1') {
      const { detail } = donorRegisteredPayloadSchema.parse(envelope.payload);
      await ledger.link(manager, {
        donorCode: chainId,
        patientReference: detail.patientReference,
        institutionId: detail.institutionId,
        productCode: detail.productCode,
      });
    }
    await ledger.append(manager, chainId, envelope);
  };
}
