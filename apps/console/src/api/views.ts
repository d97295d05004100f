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
  };
  timeline: TimelineEntry[];
  pendingDeadlines: Array<{ id: string; rule: string; description: string; dueAt: string }>;
  temporalUiUrl: string;
}

export interface LedgerVerification {
  valid: boolean;
  ledgerHeadHash: string;
}
