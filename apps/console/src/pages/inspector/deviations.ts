import type { DeviationNotice } from '@v2v/contracts';

/**
 * A deviation of the journey as `GET /api/journeys/{donorCode}/deviations` lists it: the donor
 * material's (donor-intake) and the environmental monitoring excursions' (production), with
 * QA's closure once it is signed (DON-06.4).
 */
export interface Deviation {
  deviationId: string;
  description: string;
  raisedAt: string;
  status: 'open' | 'closed';
  investigation: string | null;
  rootCause: string | null;
  correctiveAction: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

/**
 * What raised a deviation: a custody leg's limits (GEN-01), an EM excursion (PRD-05) or an
 * emergency on the released product (QA-04).
 */
export type DeviationSource = Pick<DeviationNotice, 'rule' | 'leg'>;

/**
 * The source of a listed deviation, from the notice the journey was given when it was raised;
 * none for a deviation the journey has not been told of yet.
 */
export function deviationSource(
  deviation: Pick<Deviation, 'deviationId'>,
  notices: DeviationNotice[],
): DeviationSource | undefined {
  const notice = notices.find((n) => n.deviationId === deviation.deviationId);
  return notice && { rule: notice.rule, ...(notice.leg ? { leg: notice.leg } : {}) };
}
