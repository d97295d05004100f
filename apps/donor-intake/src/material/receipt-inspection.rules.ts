import type { ProductSpecification, StepRequestBody } from '@v2v/contracts';

export type InspectionItemId =
  'DON-04.1' | 'DON-04.2' | 'DON-04.3' | 'DON-04.4' | 'DON-04.5' | 'DON-04.6';

export interface InspectionItem {
  item: InspectionItemId;
  check: string;
  passed: boolean;
  /** Why it failed; one reason code (the item id) per failed item. */
  reason?: string;
}

export interface TemperatureReading {
  at: string;
  temperatureC: number;
}

/** What the system knows about the unit when it arrives; gathered by the receipt activity. */
export interface ReceiptFacts {
  specification: ProductSpecification;
  institution: { name: string; refusal?: string };
  collection?: { collectedAt: string; volumeMl: number };
  postCollectionStorage?: {
    storedFrom: string;
    storedUntil: string;
    minTemperatureC: number;
    maxTemperatureC: number;
  };
  handOver?: { handedOverAt: string };
  transportReadings: TemperatureReading[];
  transportDeviations: string[];
  screening?: { markers: string[] };
  receipt: StepRequestBody<'recordMaterialReceipt'>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * DON-04: the six receipt checks of one donor material unit. Each item passes or fails with
 * its own reason; the unit is accepted only when all six pass, else it is quarantined.
 */
export function inspectReceipt(facts: ReceiptFacts): {
  outcome: 'accepted' | 'quarantined';
  items: InspectionItem[];
} {
  const items: InspectionItem[] = [
    item(
      'DON-04.1',
      'institution approved with a valid quality agreement',
      facts.institution.refusal,
    ),
    item(
      'DON-04.2',
      'transport (and post-collection storage) temperature and time record complete and within limits',
      transportProblems(facts).join('; '),
    ),
    item(
      'DON-04.3',
      'packaging intact',
      facts.receipt.packagingIntact ? undefined : 'packaging reported damaged at receipt',
    ),
    item(
      'DON-04.4',
      'label complete: donor unique code, collection date and time, volume, institution',
      labelProblems(facts).join('; '),
    ),
    item(
      'DON-04.5',
      'collection record present',
      facts.collection ? undefined : 'no collection record for this donor unique code',
    ),
    item('DON-04.6', 'screening and infectious-marker results present', screeningProblem(facts)),
  ];
  return { outcome: items.every((i) => i.passed) ? 'accepted' : 'quarantined', items };
}

function item(id: InspectionItemId, check: string, problem: string | undefined): InspectionItem {
  return problem
    ? { item: id, check, passed: false, reason: problem }
    : { item: id, check, passed: true };
}

function transportProblems(facts: ReceiptFacts): string[] {
  const limit = facts.specification.transportToFactory;
  const problems: string[] = [];
  if (!facts.handOver) return ['no hand-over record: the transport time cannot be established'];
  const start = Date.parse(facts.handOver.handedOverAt);
  const end = Date.parse(facts.receipt.receivedAt);
  if ((end - start) / HOUR_MS > limit.maxHours) {
    problems.push(
      `transport took ${((end - start) / HOUR_MS).toFixed(1)} h, limit ${limit.maxHours} h`,
    );
  }
  problems.push(...facts.transportDeviations);
  const readings = facts.transportReadings
    .filter(
      (r) =>
        Date.parse(r.at) >= start - limit.maxReadingGapMinutes * MINUTE_MS &&
        Date.parse(r.at) <= end,
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const outOfRange = readings.filter(
    (r) => r.temperatureC < limit.minTemperatureC || r.temperatureC > limit.maxTemperatureC,
  );
  if (outOfRange.length) {
    problems.push(
      `${outOfRange.length} reading(s) outside ${limit.minTemperatureC}–${limit.maxTemperatureC} °C, first ${outOfRange[0].temperatureC} °C at ${outOfRange[0].at}`,
    );
  }
  const gap = longestGapMinutes([start, ...readings.map((r) => Date.parse(r.at)), end]);
  if (!readings.length) problems.push('no temperature readings for the transport leg');
  else if (gap > limit.maxReadingGapMinutes)
    problems.push(
      `temperature record incomplete: a ${Math.round(gap)} min gap (at most ${limit.maxReadingGapMinutes} min)`,
    );
  problems.push(...storageProblems(facts));
  return problems;
}

function storageProblems(facts: ReceiptFacts): string[] {
  const limit = facts.specification.postCollectionStorage;
  const storage = facts.postCollectionStorage;
  if (!limit.required) return [];
  if (!storage) return ['no post-collection storage record, which the specification requires'];
  const problems: string[] = [];
  const hours = (Date.parse(storage.storedUntil) - Date.parse(storage.storedFrom)) / HOUR_MS;
  if (hours > limit.maxHours)
    problems.push(
      `post-collection storage lasted ${hours.toFixed(1)} h, limit ${limit.maxHours} h`,
    );
  if (
    storage.minTemperatureC < limit.minTemperatureC ||
    storage.maxTemperatureC > limit.maxTemperatureC
  ) {
    problems.push(
      `post-collection storage at ${storage.minTemperatureC}–${storage.maxTemperatureC} °C, required ${limit.minTemperatureC}–${limit.maxTemperatureC} °C`,
    );
  }
  return problems;
}

function longestGapMinutes(times: number[]): number {
  let longest = 0;
  for (let i = 1; i < times.length; i += 1)
    longest = Math.max(longest, (times[i] - times[i - 1]) / MINUTE_MS);
  return longest;
}

/**
 * A field missing from the label passes when the system has it for this code; a field that
 * contradicts the record fails.
 */
function labelProblems(facts: ReceiptFacts): string[] {
  const { label } = facts.receipt;
  const problems: string[] = [];
  const recorded = facts.collection;
  if (label.collectedAt === undefined && !recorded)
    problems.push('collection date and time neither on the label nor in the system');
  if (
    label.collectedAt !== undefined &&
    recorded &&
    Date.parse(label.collectedAt) !== Date.parse(recorded.collectedAt)
  ) {
    problems.push(
      `label collection time ${label.collectedAt} differs from the collection record ${recorded.collectedAt}`,
    );
  }
  if (label.volumeMl === undefined && !recorded)
    problems.push('volume neither on the label nor in the system');
  if (label.volumeMl !== undefined && recorded && label.volumeMl !== recorded.volumeMl) {
    problems.push(
      `label volume ${label.volumeMl} mL differs from the collection record ${recorded.volumeMl} mL`,
    );
  }
  if (
    label.institution !== undefined &&
    label.institution.trim().toLowerCase() !== facts.institution.name.trim().toLowerCase()
  ) {
    problems.push(
      `label institution '${label.institution}' is not the ordering institution '${facts.institution.name}'`,
    );
  }
  return problems;
}

function screeningProblem(facts: ReceiptFacts): string | undefined {
  if (!facts.screening) return 'no screening record for this donor unique code';
  const missing = facts.specification.donorScreening.requiredMarkers.filter(
    (m) => !facts.screening!.markers.includes(m),
  );
  return missing.length ? `no result for ${missing.join(', ')}` : undefined;
}
