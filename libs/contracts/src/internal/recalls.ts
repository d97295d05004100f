import { z } from 'zod';
import { type Actor, actorSchema } from '../journey/actor';
import { signatureRequestSchema } from '../journey/electronic-signature';
import { signedCommandFields } from './signed-command';

/*
 * Recalls (QA-04 §10(4), TRC-01 §11(1)) as a shared contract: the bodies the gateway validates
 * at the edge and the commands production records them from (the body plus the event id, the
 * decider and the sealed signature the gateway adds). Production owns the rules.
 */

/** What is recalled: one batch, or a key-material lot with every batch that consumed it. */
export const RECALL_SCOPES = ['batch', 'key-material-lot'] as const;
export type RecallScope = (typeof RECALL_SCOPES)[number];

/** The usual health-hazard classes: I serious, II temporary or reversible, III unlikely. */
export const RECALL_CLASSIFICATIONS = ['I', 'II', 'III'] as const;
export type RecallClassification = (typeof RECALL_CLASSIFICATIONS)[number];

/** How a recalled unit ended; `already-infused` puts the patient under follow-up. */
export const RECALL_DISPOSITIONS = ['returned', 'destroyed', 'already-infused'] as const;
export type RecallDisposition = (typeof RECALL_DISPOSITIONS)[number];

/** A unit is open until its disposition is recorded, then it has that end. */
export const RECALL_UNIT_STATUSES = ['open', 'returned', 'destroyed', 'patient-follow-up'] as const;
export type RecallUnitStatus = (typeof RECALL_UNIT_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

const recallFields = {
  scope: z.enum(RECALL_SCOPES),
  batchNumber: z.string().trim().min(1).max(64).optional(),
  lotId: z.string().trim().min(1).max(64).optional(),
  reason: text(2000),
  classification: z.enum(RECALL_CLASSIFICATIONS),
};

/** A recall names the one target of its scope: a batch number, or a lot id. */
function oneTarget(
  recall: { scope: RecallScope; batchNumber?: string; lotId?: string },
  ctx: z.RefinementCtx,
): void {
  const [wanted, other] =
    recall.scope === 'batch'
      ? (['batchNumber', 'lotId'] as const)
      : (['lotId', 'batchNumber'] as const);
  if (recall[wanted] === undefined)
    ctx.addIssue({ code: 'custom', path: [wanted], message: `required for scope ${recall.scope}` });
  if (recall[other] !== undefined)
    ctx.addIssue({ code: 'custom', path: [other], message: `not part of scope ${recall.scope}` });
}

/** QA's recall at the gateway (`POST /api/recalls`), signed with the password re-entered. */
export const recallRequestSchema = z
  .strictObject({ ...recallFields, signature: signatureRequestSchema })
  .superRefine(oneTarget);
export type RecallRequest = z.infer<typeof recallRequestSchema>;

/** The command production records; its event id is also the recall's id. */
export const createRecallCommandSchema = z
  .strictObject({ ...recallFields, ...signedCommandFields })
  .superRefine(oneTarget);
export type CreateRecallCommand = z.infer<typeof createRecallCommandSchema>;

/** What the pre-check before signing is asked (the same target, no signature yet). */
export const recallCheckSchema = z.strictObject(recallFields).superRefine(oneTarget);
export type RecallCheck = z.infer<typeof recallCheckSchema>;

/** The record type a recall's signature names; its record id is the recall id. */
export const RECALL_RECORD_TYPE = 'recall';

/**
 * What the qualified person signs of a recall (CSV-02): its target, reason and class, the same
 * detail the gateway seals and production hashes again before it records the recall.
 */
export function recallSignedDetail(recall: RecallCheck): Record<string, unknown> {
  return {
    scope: recall.scope,
    batchNumber: recall.batchNumber ?? null,
    lotId: recall.lotId ?? null,
    reason: recall.reason,
    classification: recall.classification,
  };
}

/** How one unit ended, with a note of what was done (who returned it, where it was destroyed). */
export const recallDispositionSchema = z.strictObject({
  disposition: z.enum(RECALL_DISPOSITIONS),
  note: text(2000),
});
export type RecallDispositionRequest = z.infer<typeof recallDispositionSchema>;

export const recordRecallDispositionCommandSchema = recallDispositionSchema.extend({
  eventId: z.uuid(),
  recordedBy: actorSchema,
});
export type RecordRecallDispositionCommand = z.infer<typeof recordRecallDispositionCommandSchema>;

/** A disposition as recorded: once per unit, never changed. */
export interface RecallUnitDisposition {
  disposition: RecallDisposition;
  note: string;
  recordedBy: Actor;
  recordedAt: string;
}

/** One affected journey of a recall, with the recalled batches it has and how it ended. */
export interface RecallUnit {
  donorCode: string;
  journeyId: string;
  batchNumbers: string[];
  status: RecallUnitStatus;
  disposition: RecallUnitDisposition | null;
}

export interface Recall {
  recallId: string;
  scope: RecallScope;
  batchNumber: string | null;
  lotId: string | null;
  reason: string;
  classification: RecallClassification;
  decidedBy: Actor;
  decidedAt: string;
  signatureId: string;
  units: RecallUnit[];
}
