import type { Actor, ElectronicSignature } from '@v2v/contracts';

/** The key-material categories of §8(1)–(3): what goes into or touches the cells. */
export const KEY_MATERIAL_CATEGORIES = [
  'vector',
  'cytokine',
  'growth-factor',
  'enzyme',
  'serum',
  'feeder-cells',
  'single-use-set',
  'ivd-reagent',
] as const;
export type KeyMaterialCategory = (typeof KEY_MATERIAL_CATEGORIES)[number];

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * MAT-02: an infectious-marker IVD reagent's approval. Only `blood-screening-approved` needs no
 * justification; the other two are allowed with a recorded reason.
 */
export const IVD_APPROVAL_STATUSES = [
  'blood-screening-approved',
  'diagnostic-only',
  'not-approved',
] as const;
export type IvdApprovalStatus = (typeof IVD_APPROVAL_STATUSES)[number];

export const LOT_STATUSES = ['quarantine', 'released', 'rejected'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** The two QA decisions on a lot in quarantine, named by their signature meaning. */
export const LOT_DECISIONS = ['released', 'rejected'] as const;
export type LotDecision = (typeof LOT_DECISIONS)[number];

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
