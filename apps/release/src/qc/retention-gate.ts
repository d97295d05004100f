import type { ReleaseGate, RetentionStanding } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';

/**
 * The `QA-01` release gate from the retention standing (samples/retention-rules.ts): settled
 * when donor material and final product are retained or excepted, open naming each item.
 */
export function retentionGate(standing: RetentionStanding): ReleaseGate {
  return {
    item: 'QA-01',
    answeredBy: 'release',
    status: standing.settled ? 'settled' : 'open',
    detail: standing.settled
      ? 'donor material and final product retained, or their exceptions decided'
      : standing.items.map((i) => i.message).join('; '),
    openRecords: standing.items.map((i) => i.item),
    contentHash: contentHash(canonicalContent(standing)),
  };
}
