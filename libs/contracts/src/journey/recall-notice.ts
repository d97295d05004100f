import { z } from 'zod';
import { custodyEventPayloadSchema } from '../events/custody-events';
import { RECALL_CLASSIFICATIONS, RECALL_SCOPES } from '../internal/recalls';
import { actorSchema } from './actor';
import type { RecallNotice } from './recall-hold';

// Apart from the recall hold (recall-hold.ts), which the workflow bundle loads.

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
