import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema, signatureRequestSchema } from '../journey/electronic-signature';
import { FACILITY_CODE_PATTERN } from '../production/facility-vocabulary';
import { plausibleInstant } from '../events/plausible-instant';

/*
 * Environmental monitoring (PRD-05, §9(6)) as a shared contract: the bodies the gateway
 * validates at the edge and the commands production accepts on its internal API (body plus the
 * actor and event id the gateway adds). Limits and judgements are production's, never the
 * caller's.
 */

/** What is sampled, each with the unit its limit is expressed in (GMP Annex 1 tables). */
export const EM_RESULT_KINDS = {
  'viable-air': 'cfu/m³',
  'settle-plate': 'cfu/4 h',
  'contact-plate': 'cfu/plate',
  'glove-print': 'cfu/glove',
  'particles-0.5um': 'particles/m³ ≥0.5 µm',
  'particles-5um': 'particles/m³ ≥5 µm',
} as const;
export type EmResultKind = keyof typeof EM_RESULT_KINDS;
export const EM_RESULT_KIND_NAMES = Object.keys(EM_RESULT_KINDS) as [
  EmResultKind,
  ...EmResultKind[],
];

/** The microbial kinds: an excursion of these needs the organism and an impact assessment. */
export const MICROBIAL_KINDS: readonly EmResultKind[] = [
  'viable-air',
  'settle-plate',
  'contact-plate',
  'glove-print',
];

/** The grade of the zone a sample was taken in: an A-in-B room has A zones and a B background. */
export const ZONE_GRADES = ['A', 'B', 'C', 'D'] as const;
export type ZoneGrade = (typeof ZONE_GRADES)[number];

/** The occupancy state the limits are given for. */
export const OCCUPANCY_STATES = ['at-rest', 'in-operation'] as const;
export type OccupancyState = (typeof OCCUPANCY_STATES)[number];

/** QA's conclusion on one batch exposed to a microbial excursion. */
export const IMPACT_CONCLUSIONS = [
  'no-impact',
  'impact-batch-rejected',
  'impact-further-investigation',
] as const;
export type ImpactConclusion = (typeof IMPACT_CONCLUSIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** One result; a correction names the result it replaces and why (the original stays). */
export const emResultSchema = z
  .strictObject({
    kind: z.enum(EM_RESULT_KIND_NAMES),
    zoneGrade: z.enum(ZONE_GRADES).describe('the grade of the zone the sample was taken in'),
    sampleLocation: text(200),
    value: z.number().min(0).max(1e9).describe('in the unit of the kind'),
    correctsResultId: z.uuid().optional(),
    correctionReason: text(2000).optional(),
  })
  .refine((r) => (r.correctsResultId === undefined) === (r.correctionReason === undefined), {
    message: 'a correction names the result it corrects and its reason, both or neither',
    path: ['correctionReason'],
  });
export type EmResultEntry = z.infer<typeof emResultSchema>;

const results = z.array(emResultSchema).max(500);

/** A monitoring session in one room, with the results known at recording time. */
export const emSessionSchema = z.strictObject({
  roomCode: z.string().regex(FACILITY_CODE_PATTERN),
  startedAt: plausibleInstant({ notAfter: true }),
  endedAt: plausibleInstant({ notAfter: true }),
  occupancyState: z.enum(OCCUPANCY_STATES),
  results: results.default([]),
});
export type EmSessionEntry = z.infer<typeof emSessionSchema>;

export const recordEmSessionCommandSchema = emSessionSchema.extend({
  /** The idempotency key of the whole write (the caller's Idempotency-Key). */
  eventId: z.string().min(1).max(128),
  recordedBy: actorSchema,
});
export type RecordEmSessionCommand = z.infer<typeof recordEmSessionCommandSchema>;

/** Results read later (plates are incubated), or corrections, for an existing session. */
export const emResultsSchema = z.strictObject({ results: results.min(1) });
export type EmResultsEntry = z.infer<typeof emResultsSchema>;

export const recordEmResultsCommandSchema = emResultsSchema.extend({
  eventId: z.string().min(1).max(128),
  recordedBy: actorSchema,
});
export type RecordEmResultsCommand = z.infer<typeof recordEmResultsCommandSchema>;

/** The organism found on a microbial excursion (§9(6): 检出的微生物进行鉴定). */
export const organismIdentificationSchema = z.strictObject({
  genus: text(100),
  species: text(100).optional(),
  method: text(200).describe('e.g. MALDI-TOF, 16S rRNA sequencing, biochemical panel'),
});
export type OrganismIdentificationEntry = z.infer<typeof organismIdentificationSchema>;

export const identifyOrganismCommandSchema = organismIdentificationSchema.extend({
  eventId: z.string().min(1).max(128),
  identifiedBy: actorSchema,
});
export type IdentifyOrganismCommand = z.infer<typeof identifyOrganismCommandSchema>;

/** QA's assessment of one exposed batch at the gateway, with the password re-entered. */
export const contaminationImpactAssessmentSchema = z.strictObject({
  donorCode: z.string().min(1).max(32),
  conclusion: z.enum(IMPACT_CONCLUSIONS),
  rationale: text(4000),
  signature: signatureRequestSchema,
});
export type ContaminationImpactAssessmentEntry = z.infer<
  typeof contaminationImpactAssessmentSchema
>;

export const assessContaminationImpactCommandSchema = z.strictObject({
  donorCode: z.string().min(1).max(32),
  conclusion: z.enum(IMPACT_CONCLUSIONS),
  rationale: text(4000),
  eventId: z.string().min(1).max(128),
  assessedBy: actorSchema,
  /** The electronic signature the gateway sealed for this assessment (CSV-02). */
  signature: electronicSignatureSchema,
});
export type AssessContaminationImpactCommand = z.infer<
  typeof assessContaminationImpactCommandSchema
>;

/**
 * Would this assessment be allowed now? The query of GET .../excursions/{id}/
 * impact-assessment-check, asked before anything is signed; the event id lets a retry pass.
 */
export const contaminationImpactCheckSchema = assessContaminationImpactCommandSchema.pick({
  donorCode: true,
  eventId: true,
});
export type ContaminationImpactCheck = z.infer<typeof contaminationImpactCheckSchema>;
