import type { DeviationNotice } from '@v2v/contracts';

/**
 * What the gateway answers where its OpenAPI document declares no response schema; the
 * shapes are the gateway's (journey-workflow.repository.ts, journey.contracts.ts).
 */
export interface JourneySummary {
  journeyId: string;
  donorCode: string;
  stage: string;
  institutionId: string;
  productCode: string;
  status: string;
  startedAt: string;
}

export interface Order {
  donorCode: string;
  journeyId: string;
  temporalUiUrl: string;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  step?: string;
  stage: string;
  actor?: { userId: string; role: string };
  summary: string;
}

export interface JourneyStatus {
  view: {
    donorCode: string;
    stage: string;
    institutionId: string;
    productCode: string;
    productSpecificationVersion: number;
    recollections: number;
    knownPositiveMarkers: string[];
    /** Set once production started: the batch record is `batch-<batchNumber>`. */
    batchNumber?: string;
    /** The deviations the journey was told of: a custody leg's (GEN-01) or an EM's (PRD-05). */
    deviations: DeviationNotice[];
  };
  timeline: TimelineEntry[];
  pendingDeadlines: Array<{ id: string; rule: string; description: string; dueAt: string }>;
  temporalUiUrl: string;
}

/** The traceability ledger's verification (its verify-ledger use case). */
export interface LedgerVerification {
  valid: boolean;
  /** Chains recomputed, up to and including the first broken one. */
  chainsChecked: number;
  entriesChecked: number;
  firstBroken?: {
    chainId: string;
    seq: number;
    reason: 'CONTENT_HASH_MISMATCH' | 'CHAIN_LINK_MISMATCH' | 'SEQUENCE_GAP';
  };
  ledgerHeadHash: string;
}
