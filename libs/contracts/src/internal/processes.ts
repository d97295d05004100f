import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { signatureRequestSchema } from '../journey/electronic-signature';
import { productCodeSchema } from '../journey/product-specification';
import {
  CLEANROOM_GRADES,
  EQUIPMENT_CLASSES,
  FACILITY_CODE_PATTERN,
  OPERATION_TYPES,
} from '../production/facility-vocabulary';
import { signedCommandFields } from './signed-command';

/*
 * Process definitions (PRD-01, §9(1), §6(4)) and their validation (PRD-03, §9(3)–(4)) as a
 * shared contract: what the gateway validates at the edge and production accepts on its
 * internal API. The rules that rest on the content (grade per operation type, the batch's cell
 * count) are production's and refuse with their rule IDs.
 */

const text = (max: number) => z.string().trim().min(1).max(max);
/** Step and parameter ids: capitals, digits and dashes, e.g. `T-CELL-SELECTION`. */
const identifier = z
  .string()
  .regex(/^[A-Z][A-Z0-9-]{1,47}$/, 'capitals, digits and dashes, 2–48 characters');

/** A process parameter with its unit and its range; a value outside it is a deviation. */
export const processParameterSchema = z
  .strictObject({
    parameterId: identifier,
    name: text(200),
    unit: text(32).describe('e.g. cells, °C, %, rpm, h'),
    min: z.number().finite(),
    max: z.number().finite(),
  })
  .refine((p) => p.min < p.max, { message: 'min must be below max', path: ['max'] });

/** §9(10): an in-process transfer out of the step, with its time and temperature limits. */
export const inProcessTransferSchema = z
  .strictObject({
    maxMinutes: z
      .int()
      .positive()
      .max(24 * 60),
    minTemperatureC: z.number().min(-200).max(60),
    maxTemperatureC: z.number().min(-200).max(60),
  })
  .refine((t) => t.minTemperatureC < t.maxTemperatureC, {
    message: 'minTemperatureC must be below maxTemperatureC',
    path: ['maxTemperatureC'],
  });

export const processStepSchema = z.strictObject({
  stepId: identifier,
  name: text(200),
  /** §6(4): every example above grade D is an operation on a system that is not closed. */
  operationType: z.enum(OPERATION_TYPES),
  /** The cleanroom grade the step needs (FAC-02); an open step needs at least grade C. */
  grade: z.enum(CLEANROOM_GRADES),
  equipmentClass: z.enum(EQUIPMENT_CLASSES),
  /** §9(5)4 and 6: culture steps may share a room (closed) and need separated incubators (open). */
  cellCulture: z.boolean(),
  plannedDurationHours: z
    .number()
    .positive()
    .max(60 * 24),
  parameters: z.array(processParameterSchema).max(50),
  /** §9(8), PRD-07: containers inspected before use and right after filling. */
  containers: z.strictObject({
    beforeUse: z.array(text(100)).max(20),
    afterFilling: z.array(text(100)).max(20),
  }),
  /** §9(9), PRD-08: consumables recorded by lot; single-use where they touch the cells. */
  consumables: z
    .array(z.strictObject({ materialCode: productCodeSchema, singleUse: z.boolean() }))
    .max(50),
  transferOut: inProcessTransferSchema.nullable(),
  /** §9(11): waste of positive material is inactivated in place before removal. */
  producesPositiveWaste: z.boolean(),
});
export type ProcessStep = z.infer<typeof processStepSchema>;

/**
 * The content of a process definition. `cellCountParameter` is optional in the shape on purpose:
 * its absence is a PRD-01 refusal naming the rule (the batch size is the total cell count).
 */
export const processDefinitionContentSchema = z
  .strictObject({
    name: text(200),
    steps: z.array(processStepSchema).min(1).max(40),
    cellCountParameter: identifier
      .optional()
      .describe('PRD-01: the parameter of the last step that records the total cell count'),
    /** The production lines the process is validated to run on; every active line if absent. */
    lineCodes: z
      .array(z.string().regex(FACILITY_CODE_PATTERN, 'a facility code'))
      .min(1)
      .max(50)
      .optional(),
    /** Days from the end of manufacturing to the planned shipment (QC release testing). */
    releaseTestingDays: z.int().min(0).max(90).optional(),
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.steps.forEach((step, i) => {
      if (seen.has(step.stepId))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'stepId'], message: 'already used' });
      seen.add(step.stepId);
    });
    content.lineCodes?.forEach((lineCode, i) => {
      if (content.lineCodes?.indexOf(lineCode) !== i)
        ctx.addIssue({ code: 'custom', path: ['lineCodes', i], message: 'already listed' });
    });
  });
export type ProcessDefinitionContent = z.infer<typeof processDefinitionContentSchema>;

/** The production manager publishes a definition for one version of the product specification. */
export const processDefinitionPublicationSchema = z.strictObject({
  specificationVersion: z.int().positive(),
  content: processDefinitionContentSchema,
});
export type ProcessDefinitionPublication = z.infer<typeof processDefinitionPublicationSchema>;

export const publishProcessDefinitionCommandSchema = processDefinitionPublicationSchema.extend({
  /** The caller's idempotency key: a repeat returns the definition published the first time. */
  eventId: z.string().min(1).max(128),
  publishedBy: actorSchema,
});
export type PublishProcessDefinitionCommand = z.infer<typeof publishProcessDefinitionCommandSchema>;

/** §9(3): a version's validation status; the latest decision counts. */
export const PROCESS_VALIDATION_STATUSES = [
  'validated',
  'concurrent-validation',
  'not-validated',
  'withdrawn',
] as const;
export type ProcessValidationStatus = (typeof PROCESS_VALIDATION_STATUSES)[number];

/** §9(3)2: the worst case the validation covered; production beyond it is refused (PRD-04). */
export const validatedWorstCaseSchema = z.strictObject({
  maxConcurrentLinesInArea: z.int().positive().max(100),
  maxConcurrentIsolatorsInRoom: z.int().nonnegative().max(100),
  operators: z.int().positive().max(100),
});
export type ValidatedWorstCase = z.infer<typeof validatedWorstCaseSchema>;

/**
 * QA's decision on a process version's validation. A worst case is required for `validated`
 * and `concurrent-validation`, and concurrent validation records its rationale (§9(3)1); the
 * use case refuses their absence with field errors.
 */
export const processValidationDecisionSchema = z.strictObject({
  status: z.enum(PROCESS_VALIDATION_STATUSES),
  worstCase: validatedWorstCaseSchema.optional(),
  reportReference: text(200),
  rationale: text(2000).optional(),
});
export type ProcessValidationDecision = z.infer<typeof processValidationDecisionSchema>;

/** At the gateway: the decision and the password re-entered. */
export const processValidationDecisionBodySchema = processValidationDecisionSchema.extend({
  signature: signatureRequestSchema,
});

export const decideProcessValidationCommandSchema =
  processValidationDecisionSchema.extend(signedCommandFields);
export type DecideProcessValidationCommand = z.infer<typeof decideProcessValidationCommandSchema>;

/** What is signed for a validation decision: the version and the decision, never the password. */
export function processValidationSignedDetail(
  productCode: string,
  processVersion: number,
  decision: ProcessValidationDecision,
): Record<string, unknown> {
  return {
    productCode,
    processVersion,
    status: decision.status,
    worstCase: decision.worstCase ?? null,
    reportReference: decision.reportReference,
    rationale: decision.rationale ?? null,
  };
}
