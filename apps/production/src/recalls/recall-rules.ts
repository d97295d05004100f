import {
  DomainError,
  type Recall,
  type RecallDisposition,
  type RecallNotice,
  type RecallUnit,
  type RecallUnitStatus,
} from '@v2v/contracts';
import type { AffectedJourney, RecallTarget } from './recall.repository';

/** The batch number or lot id a target names. */
export const subjectOf = (target: RecallTarget): string =>
  (target.scope === 'batch' ? target.batchNumber : target.lotId) as string;

/**
 * QA-04, TRC-01: a recall is made for the journeys the genealogy reaches; one that reaches none
 * (a lot no batch consumed) has no unit to signal, notify or track, and is refused.
 */
export function requireRecallReaches(
  target: RecallTarget,
  affected: readonly AffectedJourney[],
): void {
  if (affected.length > 0) return;
  throw new DomainError(
    'QA-04',
    `a recall of ${target.scope} ${subjectOf(target)} reaches no journey: no batch ${target.scope === 'batch' ? 'has that number' : 'consumed that lot'}, so there is no product to recall (QA-04)`,
    { scope: target.scope, subject: subjectOf(target) },
  );
}

/** QA-04: a unit is open until its end is recorded; `already-infused` means patient follow-up. */
export function unitStatusOf(disposition: RecallDisposition | null): RecallUnitStatus {
  if (disposition === null) return 'open';
  return disposition === 'already-infused' ? 'patient-follow-up' : disposition;
}

/** QA-04: a recalled unit's end is recorded once; a second disposition is refused. */
export function requireUnitOpen(unit: RecallUnit, recallId: string): void {
  if (unit.status === 'open' || !unit.disposition) return;
  const { disposition, recordedAt, recordedBy } = unit.disposition;
  throw new DomainError(
    'QA-04',
    `unit ${unit.donorCode} of recall ${recallId} already ended: ${disposition} recorded ${recordedAt} by ${recordedBy.userId}; its disposition is recorded once (QA-04)`,
    { recallId, donorCode: unit.donorCode, status: unit.status },
  );
}

/** A repeat of a recall's event id must be the same recall, else it is another decision. */
export function requireSameRecall(
  existing: Recall,
  asked: RecallTarget & Pick<Recall, 'reason' | 'classification'>,
): void {
  const same =
    existing.scope === asked.scope &&
    existing.batchNumber === (asked.batchNumber ?? null) &&
    existing.lotId === (asked.lotId ?? null) &&
    existing.reason === asked.reason &&
    existing.classification === asked.classification;
  if (!same)
    throw new DomainError(
      'IDEMPOTENCY_CONFLICT',
      `event id ${existing.recallId} was already used for another recall`,
    );
}

/** The notice a unit's journey receives, and the detail of its `recall.notified.v1`. */
export function recallNoticeFor(
  recall: Pick<Recall, 'recallId' | 'classification' | 'reason' | 'decidedBy' | 'decidedAt'>,
  target: RecallTarget,
  unit: AffectedJourney,
): RecallNotice {
  return {
    recallId: recall.recallId,
    classification: recall.classification,
    scope: target.scope,
    subject: subjectOf(target),
    batchNumbers: unit.batchNumbers,
    reason: recall.reason,
    decidedAt: recall.decidedAt,
    decidedBy: recall.decidedBy,
  };
}
