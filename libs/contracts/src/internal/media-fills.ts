import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { productCodeSchema } from '../journey/product-specification';
import { EQUIPMENT_CLASSES, FACILITY_CODE_PATTERN } from '../production/facility-vocabulary';

/*
 * Aseptic process simulation (media fill, PRD-02, §9(2)) as a shared contract. The result is
 * not in the body: the system judges it from the units filled and contaminated.
 */

/** §9(2)5: the initial qualification of a line, then the periodic runs per shift. */
export const MEDIA_FILL_KINDS = ['initial', 'periodic'] as const;
export type MediaFillKind = (typeof MEDIA_FILL_KINDS)[number];

/**
 * §9(2)5: one run per line and shift, or bracketing (极值法, worst case of some operations),
 * matrix (矩阵法, worst case of similar steps), or both together.
 */
export const MEDIA_FILL_APPROACHES = [
  'single',
  'bracketing',
  'matrix',
  'bracketing-and-matrix',
] as const;
export type MediaFillApproach = (typeof MEDIA_FILL_APPROACHES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const facilityCode = z.string().regex(FACILITY_CODE_PATTERN, 'a facility code');
const units = z.number().int().min(0).max(1_000_000);

/**
 * A media fill run as the production manager records it. The rationale and worst-case
 * conditions are optional in the shape: their absence for a bracketing or matrix run is a
 * PRD-02 refusal naming the rule, not a malformed request.
 */
export const mediaFillSchema = z.strictObject({
  lineCode: facilityCode,
  shiftCode: facilityCode,
  performedOn: z.iso.date(),
  kind: z.enum(MEDIA_FILL_KINDS),
  approach: z.enum(MEDIA_FILL_APPROACHES),
  rationale: text(4000).optional().describe('why this approach covers what it stands for'),
  worstCaseConditions: z
    .array(text(500))
    .max(50)
    .optional()
    .describe('the worst-case conditions simulated; required unless approach is single'),
  productCodes: z.array(productCodeSchema).min(1).max(50),
  equipmentClasses: z.array(z.enum(EQUIPMENT_CLASSES)).min(1),
  operationsNotSimulated: z
    .array(z.strictObject({ operation: text(200), rationale: text(2000) }))
    .max(50)
    .default([])
    .describe('§9(2)2–4: each with its risk-assessment rationale (e.g. freezing, culture time)'),
  unitsFilled: units,
  unitsContaminated: units,
});
export type MediaFillRequest = z.infer<typeof mediaFillSchema>;

export const recordMediaFillCommandSchema = mediaFillSchema.extend({
  /** The run's idempotency key, from the caller's Idempotency-Key. */
  eventId: z.string().min(1).max(128),
  recordedBy: actorSchema,
});
export type RecordMediaFillCommand = z.infer<typeof recordMediaFillCommandSchema>;
