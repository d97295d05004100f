import type { JourneySignatureView } from '@v2v/signatures';

/** Everything an inspector receives for one journey, with the hashes to check it against. */
export interface JourneyRecord {
  donorCode: string;
  journeyId: string;
  patientReference: string;
  institutionId: string;
  productCode: string;
  exportedAt: string;
  /** Head hash of the whole traceability ledger, as `npm run verify` prints it. */
  ledgerHeadHash: string;
  /** Last entry hash of this journey's own ledger chain. */
  journeyChainHead: string;
  auditHeads: Array<{ service: string; headsHash: string }>;
  trace: Array<{
    seq: number;
    occurredAt: string;
    messageType: string;
    producer: string;
    actor?: { userId: string; role: string };
    summary: string;
    entryHash: string;
  }>;
  signatures: JourneySignatureView[];
  audit: Array<{
    service: string;
    at: string;
    recordType: string;
    recordId: string;
    action: string;
    actor: { userId: string; role: string };
    reason: string | null;
    oldValue: unknown;
    newValue: unknown;
    entryHash: string;
  }>;
}
