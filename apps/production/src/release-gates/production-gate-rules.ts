import type { BatchDeviationStanding, BatchLabel, ReleaseGate } from '@v2v/contracts';
import { gateContentHash, releaseGate } from '@v2v/signatures';
import type { EmDeviation } from '../environmental-monitoring/em-deviation.repository';
import type { EmExcursion } from '../environmental-monitoring/environmental-monitoring';
import { releaseHoldsOf } from '../environmental-monitoring/em-rules';

const gate = releaseGate.bind(null, 'production');
const byId = <T extends { deviationId: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (a.deviationId < b.deviationId ? -1 : 1));

/** QA's latest review of the batch record with whether it still holds. */
export interface ReviewStanding {
  reviewId: string;
  reviewedBy: { userId: string };
  reviewedAt: string;
  valid: boolean;
  voidReason: string | null;
}

/**
 * QA-02.2: the batch record complete and reviewed. A review is only recorded over a complete
 * record and holds while the record hashes to what was signed, so a valid review settles the
 * gate; the content judged is the record's hash now (the review's own hash while it holds).
 */
export function reviewGate(
  batchNumber: string,
  review: ReviewStanding | undefined,
  recordHash: string,
): ReleaseGate {
  if (!review)
    return gate(
      'QA-02.2',
      {
        status: 'open',
        detail: `the batch record of ${batchNumber} has not been reviewed by QA`,
        openRecords: [batchNumber],
      },
      recordHash,
    );
  if (!review.valid)
    return gate(
      'QA-02.2',
      {
        status: 'open',
        detail: `QA's review of the batch record of ${batchNumber} is void: ${review.voidReason}; QA reviews it again`,
        openRecords: [review.reviewId],
      },
      recordHash,
    );
  const by = `${review.reviewedBy.userId} at ${review.reviewedAt}`;
  return gate(
    'QA-02.2',
    {
      status: 'settled',
      detail: `the batch record of ${batchNumber} is complete and QA's review (${by}) still holds`,
      openRecords: [],
    },
    recordHash,
  );
}

/**
 * QA-02.3 (production's part): every deviation the batch record raised and every deviation an
 * environmental monitoring excursion raised on the journey closed by QA. The content judged is
 * each deviation with its closure's signature.
 */
export function productionDeviationsGate(
  batchDeviations: readonly BatchDeviationStanding[],
  emDeviations: readonly EmDeviation[],
): ReleaseGate {
  const open = [
    ...byId(batchDeviations)
      .filter((d) => d.status === 'open')
      .map((d) => ({ id: d.deviationId, what: `${d.rule} on ${d.stepId} (${d.message})` })),
    ...byId(emDeviations)
      .filter((d) => d.status === 'open')
      .map((d) => ({ id: d.deviationId, what: `environmental monitoring (${d.description})` })),
  ];
  const hash = gateContentHash({
    batchDeviations: byId(batchDeviations).map((d) => ({
      deviationId: d.deviationId,
      signatureId: d.closure?.signatureId ?? null,
    })),
    emDeviations: byId(emDeviations).map((d) => ({
      deviationId: d.deviationId,
      status: d.status,
    })),
  });
  const total = batchDeviations.length + emDeviations.length;
  if (open.length)
    return gate(
      'QA-02.3',
      {
        status: 'open',
        detail: `${open.length} of ${total} production deviations not closed: ${open.map((o) => o.what).join('; ')}`,
        openRecords: open.map((o) => o.id),
      },
      hash,
    );
  return gate(
    'QA-02.3',
    {
      status: 'settled',
      detail: total
        ? `every production deviation (${batchDeviations.length} of the batch record, ${emDeviations.length} of environmental monitoring) is closed by QA`
        : 'no deviation was raised by the batch record or environmental monitoring',
      openRecords: [],
    },
    hash,
  );
}

/**
 * PRD-05: no microbial excursion that exposed the batch is still without QA's no-impact
 * assessment. An impact concluded with the batch rejected blocks it for good; a missing or
 * further-investigation assessment keeps it open. The content judged is every exposure of the
 * batch with its latest assessment.
 */
export function contaminationHoldGate(
  donorCode: string,
  batchNumber: string,
  excursions: readonly EmExcursion[],
): ReleaseGate {
  const holds = releaseHoldsOf(donorCode, [...excursions], batchNumber);
  const hash = gateContentHash(
    excursions
      .map((x) => ({
        excursionId: x.excursionId,
        assessmentId:
          x.exposedBatches.find((b) => b.donorCode === donorCode)?.assessment?.assessmentId ?? null,
      }))
      .sort((a, b) => (a.excursionId < b.excursionId ? -1 : 1)),
  );
  if (!holds.length)
    return gate(
      'PRD-05',
      {
        status: 'settled',
        detail: excursions.length
          ? `every microbial excursion that exposed batch ${batchNumber} is assessed without impact`
          : `no environmental monitoring excursion exposed batch ${batchNumber}`,
        openRecords: [],
      },
      hash,
    );
  const rejected = holds.some((h) => h.reason === 'impact assessed impact-batch-rejected');
  return gate(
    'PRD-05',
    {
      status: rejected ? 'blocked' : 'open',
      detail: `batch ${batchNumber} is held by environmental monitoring: ${holds
        .map((h) => `${h.kind} excursion in room ${h.roomCode} (${h.reason})`)
        .join('; ')}`,
      openRecords: holds.map((h) => h.excursionId),
    },
    hash,
  );
}

/**
 * QA-02.4 (production's part): the journey's batch is on record under the journey's donor
 * code, and every label the system generated for the batch carries that donor code and the
 * batch number. The content judged is the batch's identity and every label's content.
 */
export function batchIdentityGate(
  journey: { donorCode: string; batchNumber: string },
  batch: { donorCode: string; batchNumber: string } | undefined,
  labels: readonly BatchLabel[],
): ReleaseGate {
  const hash = gateContentHash({
    batch: batch ?? null,
    labels: [...labels]
      .sort((a, b) => (a.labelId < b.labelId ? -1 : 1))
      .map((l) => ({ labelId: l.labelId, content: l.content })),
  });
  const problems: string[] = [];
  if (!batch) problems.push(`no batch ${journey.batchNumber} is on record`);
  else if (batch.donorCode !== journey.donorCode)
    problems.push(`batch ${batch.batchNumber} carries donor code ${batch.donorCode}`);
  const wrong = labels.filter((l) => {
    const [donorCode, batchNumber] = l.content.split('|');
    return donorCode !== journey.donorCode || batchNumber !== journey.batchNumber;
  });
  for (const l of wrong) problems.push(`label ${l.labelId} reads ${l.content}`);
  if (problems.length)
    return gate(
      'QA-02.4',
      {
        status: 'blocked',
        detail: `the chain of identity of ${journey.donorCode} is broken: ${problems.join('; ')}`,
        openRecords: [journey.batchNumber, ...wrong.map((l) => l.labelId)],
      },
      hash,
    );
  return gate(
    'QA-02.4',
    {
      status: 'settled',
      detail: `batch ${journey.batchNumber} and its ${labels.length} labels carry donor code ${journey.donorCode}`,
      openRecords: [],
    },
    hash,
  );
}
