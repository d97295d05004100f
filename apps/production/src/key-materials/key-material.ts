import type { Actor, ElectronicSignature } from '@v2v/contracts';

// The enumerations of the key-material contract, shared with the gateway (libs/contracts).
export {
  IVD_APPROVAL_STATUSES,
  KEY_MATERIAL_CATEGORIES,
  LOT_DECISIONS,
  RISK_LEVELS,
  type IvdApprovalStatus,
  type KeyMaterialCategory,
  type LotDecision,
  type RiskLevel,
} from '@v2v/contracts';
import type {
  IvdApprovalStatus,
  KeyMaterialCategory,
  LotDecision,
  RiskLevel,
} from '@v2v/contracts';

export const LOT_STATUSES = ['quarantine', 'released', 'rejected'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** MAT-01: the recorded risk assessment every key material carries. Dates are ISO (YYYY-MM-DD). */
export interface RiskAssessment {
  level: RiskLevel;
  summary: string;
  /** Who assessed it (the assessment may predate the user who registers it). */
  assessedBy: string;
  assessedOn: string;
}

/** MAT-02: recorded for `ivd-reagent` materials only. */
export interface IvdApproval {
  approvalStatus: IvdApprovalStatus;
  /** The infectious marker the reagent tests, e.g. `HIV-1/2 Ag/Ab`. */
  marker: string;
  /** Why a reagent that is not blood-screening-approved is used; null when it is approved. */
  justification: string | null;
}

export interface KeyMaterial {
  materialCode: string;
  name: string;
  category: KeyMaterialCategory;
  riskAssessment: RiskAssessment;
  ivd: IvdApproval | null;
  registeredBy: string;
  registeredAt: string;
}

/** The incoming inspection a lot is received with (MAT-01). */
export interface IncomingInspection {
  supplier: string;
  supplierLot: string;
  expiresOn: string;
  certificateOfAnalysisChecked: boolean;
  result: 'pass' | 'fail';
  note: string | null;
  /** The user who received and inspected the lot: taken from the session, never typed. */
  inspectedBy: string;
  receivedAt: string;
}

export interface LotDecisionRecord {
  decision: LotDecision;
  decidedBy: string;
  decidedAt: string;
  comment: string | null;
  /** Null only on lots seeded by the migration, which no one signed. */
  signature: ElectronicSignature | null;
}

export interface KeyMaterialLot {
  lotId: string;
  materialCode: string;
  status: LotStatus;
  inspection: IncomingInspection;
  decision: LotDecisionRecord | null;
}

/** One use of a lot by a batch: the genealogy link lot → batch → donor (TRC-01). Append-only. */
export interface KeyMaterialConsumption {
  consumptionId: string;
  eventId: string;
  lotId: string;
  materialCode: string;
  batchNumber: string;
  donorCode: string;
  journeyId: string;
  quantity: number;
  unit: string;
  consumedBy: Actor;
  consumedAt: string;
}

/** The ISO date (UTC) of an instant: the day rules compare expiry and assessment dates with. */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A signed recall that names a key-material lot, as the consumption rule needs it. */
export interface LotRecall {
  recallId: string;
  classification: string;
  reason: string;
  decidedAt: string;
}
