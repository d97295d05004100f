import type { InstitutionStandingNotice } from '@v2v/contracts';

/**
 * DON-02: running journeys exist only at an institution that is or was approved; they are told
 * when it stops being approved (suspended, removed) and when it is approved again. A review
 * that continues the approval changes nothing for them.
 */
export function concernsRunningJourneys(
  notice: Pick<InstitutionStandingNotice, 'fromStatus' | 'status'>,
): boolean {
  if (notice.fromStatus === notice.status) return false;
  return (
    notice.fromStatus === 'approved' ||
    notice.status === 'approved' ||
    notice.fromStatus === 'suspended'
  );
}
