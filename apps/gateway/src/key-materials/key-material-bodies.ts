import { z } from 'zod';
import { signatureRequestSchema } from '@v2v/contracts';

/*
 * Request bodies of the key-material endpoints, validated at the edge (400 with field errors)
 * and published in the OpenAPI document. The production service validates its commands again
 * and owns the rules. These shapes belong in libs/contracts once key materials are a shared
 * contract; until then they mirror production's command schemas field for field.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** Risk assessment and IVD approval are optional in shape: their absence is refused MAT-01 / MAT-02. */
export const registerKeyMaterialBody = z.strictObject({
  materialCode: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and hyphens, 2–32 characters'),
  name: text(200),
  category: z.enum([
    'vector',
    'cytokine',
    'growth-factor',
    'enzyme',
    'serum',
    'feeder-cells',
    'single-use-set',
    'ivd-reagent',
  ]),
  riskAssessment: z
    .strictObject({
      level: z.enum(['high', 'medium', 'low']).optional(),
      summary: z.string().max(2000).optional(),
      assessedBy: z.string().max(100).optional(),
      assessedOn: z.iso.date().optional(),
    })
    .optional()
    .describe('MAT-01: level, summary, who assessed and when; required'),
  ivd: z
    .strictObject({
      approvalStatus: z
        .enum(['blood-screening-approved', 'diagnostic-only', 'not-approved'])
        .optional(),
      marker: z.string().max(200).optional(),
      justification: z.string().max(2000).optional(),
    })
    .optional()
    .describe(
      'MAT-02, ivd-reagent only: approval status, the marker tested, and a justification unless blood-screening-approved',
    ),
});

/** The incoming inspection; the inspector is the signed-in operator. */
export const receiveLotBody = z.strictObject({
  supplier: text(200),
  supplierLot: text(100),
  expiresOn: z.iso.date(),
  certificateOfAnalysisChecked: z.boolean(),
  inspectionResult: z.enum(['pass', 'fail']),
  inspectionNote: text(2000).optional(),
});

export const releaseLotBody = z.strictObject({
  comment: text(2000).optional(),
  signature: signatureRequestSchema,
});
export const rejectLotBody = z.strictObject({
  reason: text(2000),
  signature: signatureRequestSchema,
});

export const consumptionBody = z.strictObject({
  lotId: text(64),
  quantity: z.number().positive().finite(),
  unit: text(16).describe('e.g. mL, µg, IU, vial, set'),
});
