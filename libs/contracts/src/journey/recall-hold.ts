import { z } from 'zod';
import { custodyEventPayloadSchema } from '../events/custody-events';
import {
  RECALL_CLASSIFICATIONS,
  RECALL_SCOPES,
  type RecallClassification,
  type RecallScope,
} from '../internal/recalls';
import { type Actor, actorSchema } from './actor';
import type { JourneyStep } from './journey-steps';

/**
 * QA-04: what a journey keeps of a recall that reached it (signal `recallNotice`), and what the
 * release service keeps of it from `recall.notified.v1`: enough to refuse and to explain.
 */
export interface RecallNotice {
  recallId: string;
  classification: RecallClassification;
  scope: RecallScope;
  /** The recalled batch number or key-material lot id. */
  subject: string;
  /** The journey's batches the recall covers. */
  batchNumbers: string[];
  reason: string;
  decidedAt: string;
  decidedBy: Actor;
}

/** `recall.notified.v1`, one per affected journey, keyed by its donor code. */
export const recallNotifiedPayloadSchema = custodyEventPayloadSchema.extend({
  detail: z.looseObject({
    recallId: z.uuid(),
    classification: z.enum(RECALL_CLASSIFICATIONS),
    scope: z.enum(RECALL_SCOPES),
    subject: z.string().min(1).max(64),
    batchNumbers: z.array(z.string().min(1).max(64)).min(1),
    reason: z.string().min(1).max(2000),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
});

/** The notice a `recall.notified.v1` payload carries; throws a ZodError on a broken one. */
export function recallNoticeOf(payload: unknown): { donorCode: string; notice: RecallNotice } {
  const { donorCode, actor, detail } = recallNotifiedPayloadSchema.parse(payload);
  const { recallId, classification, scope, subject, batchNumbers, reason, decidedAt } = detail;
  return {
    donorCode,
    notice: {
      recallId,
      classification,
      scope,
      subject,
      batchNumbers,
      reason,
      decidedAt,
      decidedBy: actorSchema.parse(actor),
    },
  };
}

/**
 * The steps that would put a recalled product into use or move it: QA's release of its batch,
 * shipment, receipt at site, its thaw for use, infusion.
 */
export const RECALLED_STEPS: readonly JourneyStep[] = [
  'releaseBatch',
  'shipToSite',
  'receiveAtSite',
  'recordThaw',
  'recordInfusion',
];

/**
 * QA-04 (§10(4)): a recalled product is not released, shipped, received at the site or infused:
 * a batch recall, or a lot recall whose genealogy reaches the batch, reached the journey. A recall
 * stands once it reached the journey; its unit's disposition records how the product ended
 * (returned, destroyed, already infused), it never puts the product back into use.
 */
export function recallHoldRefusal(
  step: JourneyStep,
  recalls: readonly RecallNotice[],
): { reasonCode: 'QA-04'; message: string } | undefined {
  if (!recalls.length || !RECALLED_STEPS.includes(step)) return undefined;
  const named = recalls
    .map(
      (r) =>
        `recall ${r.recallId} (class ${r.classification}, ${r.scope} ${r.subject}, batch ${r.batchNumbers.join(', ')}: ${r.reason})`,
    )
    .join('; ');
  return {
    reasonCode: 'QA-04',
    message: `the product is recalled by ${named}: '${step}' is refused, a recalled product is not released, shipped, received or infused (QA-04)`,
  };
}
