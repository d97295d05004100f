import { z } from 'zod';
import { actorSchema } from '../journey/actor';
import { electronicSignatureSchema, signatureRequestSchema } from '../journey/electronic-signature';

/*
 * Key materials (MAT-01, MAT-02) as a shared contract: the request bodies the gateway validates
 * at the edge (400 with field errors, published in the OpenAPI document), and the commands the
 * production service accepts on its internal API, each the body plus what the gateway adds
 * (the actor, the idempotency key or event id, the sealed signature). Production owns the rules.
 */

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

/** The two QA decisions on a lot in quarantine, named by their signature meaning. */
export const LOT_DECISIONS = ['released', 'rejected'] as const;
export type LotDecision = (typeof LOT_DECISIONS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A key material for the catalogue. The risk assessment and IVD approval are optional in the
 * shape on purpose: their absence is a MAT-01 / MAT-02 refusal naming the rule, not a
 * malformed request.
 */
export const keyMaterialRegistrationSchema = z.strictObject({
  materialCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and hyphens, 2–32 characters'),
  name: text(200),
  category: z.enum(KEY_MATERIAL_CATEGORIES),
  riskAssessment: z
    .strictObject({
      level: z.enum(RISK_LEVELS).optional(),
      summary: z.string().max(2000).optional(),
      assessedBy: z.string().max(100).optional(),
      assessedOn: z.iso.date().optional(),
    })
    .optional()
    .describe('MAT-01: level, summary, who assessed and when; required'),
  ivd: z
    .strictObject({
      approvalStatus: z.enum(IVD_APPROVAL_STATUSES).optional(),
      marker: z.string().max(200).optional(),
      justification: z.string().max(2000).optional(),
    })
    .optional()
    .describe(
      'MAT-02, ivd-reagent only: approval status, the marker tested, and a justification unless blood-screening-approved',
    ),
});
export type KeyMaterialRegistration = z.infer<typeof keyMaterialRegistrationSchema>;

export const registerKeyMaterialCommandSchema = keyMaterialRegistrationSchema.extend({
  registeredBy: actorSchema,
});
export type RegisterKeyMaterialCommand = z.infer<typeof registerKeyMaterialCommandSchema>;

/** A lot's incoming inspection; the inspector is the signed-in operator. */
export const keyMaterialLotReceiptSchema = z.strictObject({
  supplier: text(200),
  supplierLot: text(100),
  expiresOn: z.iso.date(),
  certificateOfAnalysisChecked: z.boolean(),
  inspectionResult: z.enum(['pass', 'fail']),
  inspectionNote: text(2000).optional(),
});
export type KeyMaterialLotReceipt = z.infer<typeof keyMaterialLotReceiptSchema>;

export const receiveKeyMaterialLotCommandSchema = keyMaterialLotReceiptSchema.extend({
  /** The caller's idempotency key: a repeat returns the lot received the first time. */
  requestKey: z.string().min(1).max(128),
  /** The receiving operator, recorded as the inspector. */
  receivedBy: actorSchema,
});
export type ReceiveKeyMaterialLotCommand = z.infer<typeof receiveKeyMaterialLotCommandSchema>;

/** QA's release of a lot at the gateway: an optional comment and the password re-entered. */
export const keyMaterialLotReleaseSchema = z.strictObject({
  comment: text(2000).optional(),
  signature: signatureRequestSchema,
});
/** QA's rejection of a lot at the gateway: the reason and the password re-entered. */
export const keyMaterialLotRejectionSchema = z.strictObject({
  reason: text(2000),
  signature: signatureRequestSchema,
});

export const decideKeyMaterialLotCommandSchema = z.strictObject({
  decision: z.enum(LOT_DECISIONS),
  comment: text(2000).optional(),
  /** The decision's idempotency key (also the signature's event id). */
  eventId: z.string().min(1).max(128),
  decidedBy: actorSchema,
  /** The electronic signature the gateway sealed for this decision (CSV-02). */
  signature: electronicSignatureSchema,
});
export type DecideKeyMaterialLotCommand = z.infer<typeof decideKeyMaterialLotCommandSchema>;

/**
 * Would this decision be allowed now? The query of GET /internal/key-material-lots/{id}/
 * decision-check, asked before anything is signed; the event id lets a retry pass.
 */
export const keyMaterialLotDecisionCheckSchema = decideKeyMaterialLotCommandSchema.pick({
  decision: true,
  eventId: true,
});
export type KeyMaterialLotDecisionCheck = z.infer<typeof keyMaterialLotDecisionCheckSchema>;

/** A quantity of a lot consumed by the journey's batch in production. */
export const keyMaterialConsumptionSchema = z.strictObject({
  lotId: text(64),
  quantity: z.number().positive().finite(),
  unit: text(16).describe('e.g. mL, µg, IU, vial, set'),
});
export type KeyMaterialConsumptionRequest = z.infer<typeof keyMaterialConsumptionSchema>;

export const recordConsumptionCommandSchema = keyMaterialConsumptionSchema.extend({
  donorCode: z.string().min(1).max(32),
  /** The idempotency key of the whole write, derived from the caller's Idempotency-Key. */
  eventId: z.uuid(),
  consumedBy: actorSchema,
});
export type RecordConsumptionCommand = z.infer<typeof recordConsumptionCommandSchema>;
