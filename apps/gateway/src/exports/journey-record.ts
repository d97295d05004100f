import type { ChainExport } from '@v2v/integrity';
import type { JourneySignatureView } from '@v2v/signatures';

/** The journey's ledger chain as stored, with the signed checkpoint of its head (CSV-01). */
export interface JourneyLedgerExport {
  format: 'v2v-journey-ledger-export/1';
  donorCode: string;
  journeyId: string;
  exportedAt: string;
  /** Check offline with `npm run verify -- --offline <this file>`. */
  ledger: ChainExport;
}

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
  /** The checkpoint of this journey's chain head the ledger signed at export (Ed25519). */
  checkpoint: { takenAt: string; seq: number; entryHash: string; signature: string };
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
