import type {
  Actor,
  CleanroomGrade,
  EmResultKind,
  ImpactConclusion,
  OccupancyState,
  ZoneGrade,
} from '@v2v/contracts';

/** How a result stands against its limit; `no-limit` where the tables define none. */
export const EM_OUTCOMES = ['within-limit', 'excursion', 'no-limit'] as const;
export type EmOutcome = (typeof EM_OUTCOMES)[number];

/** One recorded result (append-only: a correction is another result naming this one). */
export interface EmResult {
  resultId: string;
  sessionId: string;
  kind: EmResultKind;
  unit: string;
  zoneGrade: ZoneGrade;
  sampleLocation: string;
  value: number;
  limit: number | null;
  outcome: EmOutcome;
  correctsResultId: string | null;
  correctionReason: string | null;
  recordedBy: Actor;
  recordedAt: string;
}

/** A monitoring session in one room (PRD-05), with its results in recording order. */
export interface EmSession {
  sessionId: string;
  roomCode: string;
  roomGrade: CleanroomGrade;
  occupancyState: OccupancyState;
  startedAt: string;
  endedAt: string;
  recordedBy: Actor;
  recordedAt: string;
  results: EmResult[];
}

export interface OrganismIdentification {
  genus: string;
  species: string | null;
  method: string;
  identifiedBy: Actor;
  identifiedAt: string;
}

/** QA's signed assessment of one exposed batch. */
export interface ImpactAssessment {
  assessmentId: string;
  conclusion: ImpactConclusion;
  rationale: string;
  signatureId: string;
  assessedBy: Actor;
  assessedAt: string;
}

/**
 * A batch in the room during the session: a production-calendar booking overlapping it, with
 * the batch number when the donor's batch was in production. Fixed when the excursion opens.
 */
export interface ExposedBatch {
  donorCode: string;
  productCode: string;
  bookingIds: string[];
  batchNumber: string | null;
  /** The PRD-05 deviation raised on the journey; null for excursions opened before it was. */
  deviationId: string | null;
  /** The latest assessment; an earlier one concluding further investigation stays on record. */
  assessment: ImpactAssessment | null;
}

/** A result above its limit: a deviation (PRD-05) of the session's room. */
export interface EmExcursion {
  excursionId: string;
  sessionId: string;
  resultId: string;
  roomCode: string;
  sessionStartedAt: string;
  sessionEndedAt: string;
  kind: EmResultKind;
  microbial: boolean;
  zoneGrade: ZoneGrade;
  sampleLocation: string;
  value: number;
  limit: number;
  openedAt: string;
  organism: OrganismIdentification | null;
  exposedBatches: ExposedBatch[];
}

/** What a microbial excursion still needs before the batches it touched can be released. */
export interface ExcursionFollowUp {
  open: boolean;
  pending: string[];
}
