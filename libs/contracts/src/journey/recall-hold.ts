import type { RecallClassification, RecallScope } from '../internal/recalls';
import type { Actor } from './actor';
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
