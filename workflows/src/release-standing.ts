import type {
  ReleaseGate,
  ReleaseGateItem,
  ReleaseGateQuery,
  ReleaseGatesSummary,
  ReleaseGateStanding,
  ResultToFollow,
} from '@v2v/contracts';
import { RELEASE_GATE_ITEMS } from '@v2v/contracts/workflow';

/** What the owning services answered, each for the gates whose records it holds. */
export interface ReleaseGateAnswers {
  donorMaterial: ReleaseGate[];
  production: ReleaseGate[];
  qualityControl: { gates: ReleaseGate[]; resultsToFollow: ResultToFollow[] };
  traceability: ReleaseGate[];
}

const letsReleaseThrough = (gate: ReleaseGate) =>
  gate.status === 'settled' || gate.status === 'not-applicable';

const gateKey = (gate: ReleaseGate) => `${gate.item}/${gate.answeredBy}`;

/**
 * QA-02: the standing of one batch's release from every owning service's answer, in item
 * order. An item no service answered for is open: a release is never let through because a
 * service forgot a gate. Pure (workflow time comes in as `evaluatedAt`).
 */
export function assembleReleaseStanding(
  query: ReleaseGateQuery,
  answers: ReleaseGateAnswers,
  evaluatedAt: string,
): ReleaseGateStanding {
  const answered = [
    ...answers.donorMaterial,
    ...answers.production,
    ...answers.qualityControl.gates,
    ...answers.traceability,
  ];
  const unanswered: ReleaseGate[] = RELEASE_GATE_ITEMS.filter(
    (item) => !answered.some((g) => g.item === item),
  ).map((item) => ({
    item,
    answeredBy: 'release',
    status: 'open',
    detail: `no service answered for ${item}`,
    openRecords: [],
    contentHash: '',
  }));
  const order = (gate: ReleaseGate) => RELEASE_GATE_ITEMS.indexOf(gate.item);
  const gates = [...answered, ...unanswered].sort(
    (a, b) => order(a) - order(b) || a.answeredBy.localeCompare(b.answeredBy),
  );
  return {
    donorCode: query.donorCode,
    batchNumber: query.batchNumber,
    gates,
    releasable: gates.every(letsReleaseThrough),
    resultsToFollow: answers.qualityControl.resultsToFollow,
    evaluatedAt,
  };
}

/** Each gate that holds the release back, as `<item> <detail>`. */
export function openItems(standing: ReleaseGateStanding): string[] {
  return standing.gates
    .filter((g) => !letsReleaseThrough(g))
    .map((g) => `${g.item} ${g.status === 'blocked' ? 'blocked: ' : ''}${g.detail}`);
}

export function releaseGatesSummary(
  standing: ReleaseGateStanding,
  voidReason?: string,
): ReleaseGatesSummary {
  return {
    batchNumber: standing.batchNumber,
    releasable: standing.releasable,
    openItems: openItems(standing),
    evaluatedAt: standing.evaluatedAt,
    ...(voidReason ? { voidReason } : {}),
  };
}

/** A refusal of the journey's step, as the update's failure carries it. */
export interface ReleaseRefusal {
  code: 'QA-02';
  message: string;
  details: { gates: ReleaseGate[] };
}

/**
 * QA-02: the qualified person signs only when every gate is settled (or does not apply); the
 * refusal names each open item, in item order.
 */
export function releaseGatesRefusal(standing: ReleaseGateStanding): ReleaseRefusal | undefined {
  if (standing.releasable) return undefined;
  return {
    code: 'QA-02',
    message: `batch ${standing.batchNumber} cannot be released while its gates are open: ${openItems(standing).join('; ')} (QA-02)`,
    details: { gates: standing.gates },
  };
}

/** Why a recorded release no longer stands, and which items changed. */
export interface ReleaseVoidance {
  reason: string;
  changed: ReleaseGateItem[];
}

/**
 * CSV-02: a release is bound to the content its gates were judged on. It is void once a gate it
 * covered shows a different `contentHash`, is no longer settled, or is gone, and once a new
 * gate holds it back.
 */
export function releaseVoidance(
  covered: ReleaseGateStanding,
  now: ReleaseGateStanding,
): ReleaseVoidance | undefined {
  const current = new Map(now.gates.map((g) => [gateKey(g), g]));
  const reasons: string[] = [];
  const changed = new Set<ReleaseGateItem>();
  for (const before of covered.gates) {
    const after = current.get(gateKey(before));
    current.delete(gateKey(before));
    const why = !after
      ? 'is no longer answered'
      : !letsReleaseThrough(after)
        ? `is ${after.status} now: ${after.detail}`
        : after.contentHash !== before.contentHash
          ? `changed since the release: ${after.detail}`
          : undefined;
    if (!why) continue;
    changed.add(before.item);
    reasons.push(`${before.item} ${why}`);
  }
  for (const added of current.values()) {
    if (letsReleaseThrough(added) || changed.has(added.item)) continue;
    changed.add(added.item);
    reasons.push(`${added.item} is ${added.status} now: ${added.detail}`);
  }
  if (!reasons.length) return undefined;
  return {
    reason: `the release of batch ${covered.batchNumber} is void: ${reasons.join('; ')} (CSV-02)`,
    changed: RELEASE_GATE_ITEMS.filter((item) => changed.has(item)),
  };
}
