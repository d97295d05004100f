/**
 * Recalls (QA-04) as the console reads them: the gateway's shapes, as libs/contracts declares
 * them (type-only: nothing of it is bundled; the OpenAPI document declares no response schema).
 */
import type { Recall, RecallUnit } from '@v2v/contracts';
import { TAG_COLOURS } from '../../components/tag-colours';

export type { Recall, RecallUnit };

/** What a recall names: its batch number, or its key-material lot id. */
export const recallTarget = (recall: Pick<Recall, 'scope' | 'batchNumber' | 'lotId'>) =>
  (recall.scope === 'batch' ? recall.batchNumber : recall.lotId) ?? '';

/** The units still waiting for their disposition: the recall is not closed while any is. */
export const openUnits = (recall: Pick<Recall, 'units'>) =>
  recall.units.filter((unit) => unit.status === 'open');

/** Tag colours of a unit's status: open needs action, the ends are settled. */
export const UNIT_STATUS_COLOURS: Record<RecallUnit['status'], string> = {
  open: TAG_COLOURS.blocked,
  returned: TAG_COLOURS.settled,
  destroyed: TAG_COLOURS.settled,
  'patient-follow-up': TAG_COLOURS.open,
};
