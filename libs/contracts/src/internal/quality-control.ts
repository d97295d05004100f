import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema, signatureRequestSchema } from '../journey/electronic-signature';
import type { QcTestGating } from '../journey/qc-test-plan';

/*
 * QC results judged by the system and OOS investigations (QA-02.1, §10(2)) as a shared
 * contract: the bodies the gateway validates and publishes, the commands the release service
 * accepts (the body plus the donor code, the investigation, the actor and the event id the
 * gateway adds, and for the outcome the sealed signature), and what the reads answer.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export type QcVerdict = 'within-specification' | 'out-of-specification';

/**
 * Phase I (laboratory, by QC): an assignable cause found invalidates the result and orders a
 * retest; none found sends the investigation to phase II (the process, by QA).
 */
export const oosLaboratoryConclusionSchema = z.strictObject({
  assignableCause: z.boolean(),
  findings: text(4000).describe('what the laboratory investigation found, or ruled out'),
});
export type OosLaboratoryConclusion = z.infer<typeof oosLaboratoryConclusionSchema>;

/** Phase II (the process, by QA): the full investigation's findings. */
export const oosProcessConclusionSchema = z.strictObject({
  findings: text(4000).describe('the process investigation: batch record, materials, people'),
});
export type OosProcessConclusion = z.infer<typeof oosProcessConclusionSchema>;

export const OOS_OUTCOMES = ['invalidated', 'oos-confirmed'] as const;
export type OosOutcome = (typeof OOS_OUTCOMES)[number];

const outcomeFields = {
  outcome: z.enum(OOS_OUTCOMES),
  rationale: text(4000),
  disposition: text(1000)
    .optional()
    .describe('oos-confirmed: what is done with the batch, e.g. rejected and destroyed'),
};

/** QA's signed outcome: `invalidated` (the retest counts) or `oos-confirmed` (not releasable). */
export const oosOutcomeSchema = z.strictObject({
  ...outcomeFields,
  signature: signatureRequestSchema,
});
export type OosOutcomeRequest = z.infer<typeof oosOutcomeSchema>;

const ofInvestigation = {
  donorCode: z.string().min(1).max(32),
  investigationId: z.uuid(),
  /** The write's idempotency key, derived from the caller's Idempotency-Key. */
  eventId: z.uuid(),
  recordedBy: actorSchema,
};

export const recordOosLaboratoryConclusionCommandSchema =
  oosLaboratoryConclusionSchema.extend(ofInvestigation);
export type RecordOosLaboratoryConclusionCommand = z.infer<
  typeof recordOosLaboratoryConclusionCommandSchema
>;

export const recordOosProcessConclusionCommandSchema =
  oosProcessConclusionSchema.extend(ofInvestigation);
export type RecordOosProcessConclusionCommand = z.infer<
  typeof recordOosProcessConclusionCommandSchema
>;

/** Would this outcome be accepted? Asked by the gateway before anything is signed. */
export const checkOosOutcomeCommandSchema = z.strictObject({
  ...outcomeFields,
  ...ofInvestigation,
});
export type CheckOosOutcomeCommand = z.infer<typeof checkOosOutcomeCommandSchema>;

export const decideOosOutcomeCommandSchema = checkOosOutcomeCommandSchema.extend({
  /** The electronic signature the gateway sealed for this outcome (CSV-02). */
  signature: electronicSignatureSchema,
});
export type DecideOosOutcomeCommand = z.infer<typeof decideOosOutcomeCommandSchema>;

/** The record type an OOS outcome's signature names; its record id is the investigation's. */
export const OOS_OUTCOME_RECORD = 'oos-outcome';

/** The signed detail of an outcome, built alike by the gateway and by release. */
export function oosOutcomeDetail(input: {
  donorCode: string;
  investigationId: string;
  outcome: OosOutcome;
  rationale: string;
  disposition?: string;
}): Record<string, string> {
  const { donorCode, investigationId, outcome, rationale, disposition } = input;
  return {
    donorCode,
    investigationId,
    outcome,
    rationale,
    ...(disposition ? { disposition } : {}),
  };
}

/** A recorded QC result with the system's verdict. */
export interface QcResultView {
  resultId: string;
  testCode: string;
  value: number | string;
  unit: string | null;
  method: string;
  instrumentId: string;
  sampleId: string;
  testedAt: string;
  verdict: QcVerdict;
  correctionOf: { resultId: string; reason: string } | null;
  retestUnder: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Where an investigation stands: the phase whose record comes next, or its outcome. */
export type OosInvestigationStatus =
  | 'laboratory'
  | 'retest-ordered'
  | 'process'
  | 'awaiting-outcome'
  | 'invalidated'
  | 'oos-confirmed';

export interface OosInvestigationEventView {
  eventId: string;
  phase: 'laboratory-conclusion' | 'process-conclusion' | 'outcome';
  assignableCause: boolean | null;
  findings: string;
  outcome: OosOutcome | null;
  disposition: string | null;
  signatureId: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface OosInvestigationView {
  investigationId: string;
  donorCode: string;
  testCode: string;
  resultId: string;
  openedAt: string;
  status: OosInvestigationStatus;
  events: OosInvestigationEventView[];
}

/** How one test of the plan stands for the batch. */
export type QcTestStatus =
  | 'within-specification'
  | 'out-of-specification'
  | 'pending'
  | 'investigation-open'
  | 'oos-confirmed';

export interface QcTestStanding {
  testCode: string;
  gating: QcTestGating;
  status: QcTestStatus;
  /** The result that counts: corrections supersede, retests count once invalidated. */
  effectiveResultId: string | null;
  openInvestigations: string[];
}

/** GET /api/journeys/{donorCode}/qc-results. */
export interface QcResultsView {
  donorCode: string;
  /** The specification the plan is from, once a result was recorded; null before. */
  specification: { productCode: string; version: number } | null;
  results: QcResultView[];
  standing: QcTestStanding[];
}
