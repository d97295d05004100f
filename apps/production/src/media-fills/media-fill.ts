import type { EquipmentClass, MediaFillApproach, MediaFillKind } from '@v2v/contracts';

/** A media fill run (aseptic process simulation, §9(2)) as recorded, append-only. */
export interface MediaFill {
  mediaFillId: string;
  eventId: string;
  lineCode: string;
  shiftCode: string;
  /** `YYYY-MM-DD` */
  performedOn: string;
  kind: MediaFillKind;
  approach: MediaFillApproach;
  rationale: string | null;
  worstCaseConditions: string[];
  productCodes: string[];
  equipmentClasses: EquipmentClass[];
  operationsNotSimulated: Array<{ operation: string; rationale: string }>;
  unitsFilled: number;
  unitsContaminated: number;
  /** Judged by the system from the units, never typed (PRD-02). */
  result: 'pass' | 'fail';
  recordedBy: string;
  recordedByRole: string;
  recordedAt: string;
}

/** What the PRD-02 standing rests on: a run's line, shift, day, kind, result and order. */
export type MediaFillRun = Pick<
  MediaFill,
  'lineCode' | 'shiftCode' | 'performedOn' | 'kind' | 'result' | 'recordedAt'
>;

/** Whether production may run on a line and shift on a day (PRD-02), and why not. */
export interface MediaFillStandingView {
  lineCode: string;
  shiftCode: string;
  at: string;
  current: boolean;
  /** Why not current; null when current. */
  reason: string | null;
  /** The last day the latest pass counts for (six calendar months), when there is one. */
  validUntil: string | null;
  lastPassOn: string | null;
}
