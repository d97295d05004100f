import { z } from 'zod';
import { plausibleInstant } from '../events/plausible-instant';
import { actorSchema } from '../journey/actor';
import type { DonorMaterialTestGating } from '../journey/donor-material-tests';
import { electronicSignatureSchema, signatureRequestSchema } from '../journey/electronic-signature';
import type { QcVerdict } from './quality-control';

/*
 * The donor material's test results and QA's impact assessment (DON-06, QA-02.5, §7(1),
 * §10(2)) as a shared contract: the bodies the gateway validates and publishes, the commands
 * donor-intake accepts (the body plus the donor code and the actor the gateway adds, and for
 * the assessment its id and the sealed signature), and what the reads answer.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
const testCode = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'a test code of the specification');

/** One raw result as QC reports it; the system judges it against the pinned specification. */
export const donorMaterialTestResultEntrySchema = z.strictObject({
  testCode,
  /** A number for a range test, the observed text for an allowed-set test. */
  value: z.union([z.number().finite(), text(100)]),
  /** Required for a range test: the criterion's unit. */
  unit: text(32).optional(),
  method: text(200),
  testedAt: plausibleInstant(),
  /** A correction names the result it replaces and why; the replaced row is kept. */
  correctionOf: z.strictObject({ resultId: z.uuid(), reason: text(1000) }).optional(),
});
export type DonorMaterialTestResultEntry = z.infer<typeof donorMaterialTestResultEntrySchema>;

export const donorMaterialTestResultsSchema = z.strictObject({
  results: z.array(donorMaterialTestResultEntrySchema).min(1).max(20),
});
export type DonorMaterialTestResultsRequest = z.infer<typeof donorMaterialTestResultsSchema>;

export const recordDonorMaterialTestResultsCommandSchema = donorMaterialTestResultsSchema.extend({
  donorCode: z.string().min(1).max(32),
  /** The request's event id: the retry of one whose answer was lost is answered with it. */
  eventId: z.uuid(),
  recordedBy: actorSchema,
});
export type RecordDonorMaterialTestResultsCommand = z.infer<
  typeof recordDonorMaterialTestResultsCommandSchema
>;

export const MATERIAL_IMPACT_CONCLUSIONS = ['no-impact', 'product-affected'] as const;
export type MaterialImpactConclusion = (typeof MATERIAL_IMPACT_CONCLUSIONS)[number];

/** The record type and meaning of QA's signed impact assessment of the donor material. */
export const DONOR_MATERIAL_IMPACT_RECORD = 'donor-material-impact-assessment';
export const DONOR_MATERIAL_IMPACT_MEANING = 'assessed';

const assessmentFields = {
  /** The donor material tests the assessment covers: at least every one pending at release. */
  testCodes: z.array(testCode).min(1).max(20),
  rationale: text(4000).describe("the donor material's results weighed against the product"),
  conclusion: z.enum(MATERIAL_IMPACT_CONCLUSIONS),
};

/** QA's impact assessment as the qualified person sends it, password re-entered (CSV-02). */
export const donorMaterialImpactAssessmentSchema = z.strictObject({
  ...assessmentFields,
  signature: signatureRequestSchema,
});
export type DonorMaterialImpactAssessmentRequest = z.infer<
  typeof donorMaterialImpactAssessmentSchema
>;

/** What donor-intake checks before anything is signed, and records with the signature. */
export const donorMaterialImpactCheckSchema = z.strictObject({
  ...assessmentFields,
  donorCode: z.string().min(1).max(32),
  /** The request's event id: the retry of one whose answer was lost is answered with it. */
  assessmentId: z.uuid(),
  assessedBy: actorSchema,
});
export type DonorMaterialImpactCheck = z.infer<typeof donorMaterialImpactCheckSchema>;

export const recordDonorMaterialImpactCommandSchema = donorMaterialImpactCheckSchema.extend({
  signature: electronicSignatureSchema,
});
export type RecordDonorMaterialImpactCommand = z.infer<
  typeof recordDonorMaterialImpactCommandSchema
>;

/** What is signed of an assessment: everything but the signature and who signs. */
export function donorMaterialImpactDetail(
  assessment: Pick<
    DonorMaterialImpactCheck,
    'donorCode' | 'testCodes' | 'rationale' | 'conclusion'
  >,
): Record<string, unknown> {
  const { donorCode, testCodes, rationale, conclusion } = assessment;
  return { donorCode, testCodes: [...testCodes].sort(), rationale, conclusion };
}

export interface DonorMaterialTestResultView {
  resultId: string;
  testCode: string;
  value: number | string;
  unit: string | null;
  method: string;
  testedAt: string;
  verdict: QcVerdict;
  correctionOf: { resultId: string; reason: string } | null;
  recordedBy: string;
  recordedAt: string;
}

export interface DonorMaterialImpactAssessmentView {
  assessmentId: string;
  testCodes: string[];
  /** The results on record when it was signed: a later one is not covered. */
  coveredResultIds: string[];
  rationale: string;
  conclusion: MaterialImpactConclusion;
  signatureId: string;
  assessedBy: string;
  assessedAt: string;
}

/** One test of the specification with its effective result (or none yet). */
export interface DonorMaterialTestStanding {
  testCode: string;
  name: string;
  gating: DonorMaterialTestGating;
  status: 'pending' | QcVerdict;
  result: DonorMaterialTestResultView | null;
}

/** `GET /api/journeys/{donorCode}/donor-material-tests`. */
export interface DonorMaterialTestsView {
  donorCode: string;
  /** Absent when the journey's specification version defines no donor material tests. */
  specification: { productCode: string; version: number } | null;
  tests: DonorMaterialTestStanding[];
  results: DonorMaterialTestResultView[];
  /** The tests still pending when QA released the material (null: not released yet). */
  pendingAtMaterialRelease: string[] | null;
  assessments: DonorMaterialImpactAssessmentView[];
}
