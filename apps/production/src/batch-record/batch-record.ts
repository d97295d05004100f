import type { Actor, BatchDeviationNotice, BatchLabel } from '@v2v/contracts';
import type { BatchDeviation, HazardousWork } from './batch-record-rules';

/** A batch as the batch record reads it, locked for the step being recorded. */
export interface BatchUnderWay {
  batchNumber: string;
  donorCode: string;
  journeyId: string;
  productCode: string;
  processVersion: number | null;
  status: string;
}

/** One start or completion of a step (production.batch_step_record). */
export interface BatchStepRow {
  recordId: string;
  eventId: string;
  batchNumber: string;
  donorCode: string;
  journeyId: string;
  stepId: string;
  stepIndex: number;
  kind: 'start' | 'completion';
  bookingId: string;
  roomCode: string;
  areaCode: string;
  equipmentCode: string | null;
  lineCode: string | null;
  shiftCode: string;
  positiveMaterial: boolean;
  /** The actor first, then the co-operators. */
  operators: string[];
  startedAt: string;
  endedAt: string | null;
  summary: string;
  payload: Record<string, unknown>;
  totalCellCount: number | null;
  recordedBy: Actor;
  recordedAt: string;
}

export type NewBatchStepRow = Omit<BatchStepRow, 'recordedAt'>;

/** A deviation to record, with the step it belongs to. */
export interface NewBatchDeviation extends BatchDeviation {
  deviationId: string;
  stepId: string;
}

/** A decontamination on leaving a hazardous area (production.personnel_decontamination). */
export interface DecontaminationRecord {
  decontaminationId: string;
  eventId: string;
  person: string;
  areaCode: string;
  decontaminatedAt: string;
  method: string;
  recordedBy: Actor;
  recordedAt: string;
}

/** What PER-02 reads of one person at a moment. */
export interface PersonHazardStanding {
  lastHazardousWork: HazardousWork | undefined;
  lastDecontaminationAt: string | undefined;
}

/** The batch record as production keeps it: every step row, label and deviation. */
export interface BatchRecordEntries {
  batchNumber: string;
  donorCode: string;
  productCode: string;
  processVersion: number | null;
  status: string;
  steps: BatchStepRow[];
  labels: BatchLabel[];
  deviations: BatchDeviationNotice[];
}
