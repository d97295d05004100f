import { DomainError, ProductSpecification } from '@v2v/contracts';
import type { InspectionItem } from './receipt-inspection.rules';

/** What QA's release of one donor material unit is evaluated on (DON-06). */
export interface MaterialReleaseFacts {
  specification: ProductSpecification;
  institutionRefusal?: string;
  receipt?: { outcome: string; items: InspectionItem[] };
  collectedAt?: string;
  releasedAt: string;
  openDeviations: Array<{ deviationId: string; description: string }>;
  /** DON-06.5: the donor material's own tests, where the specification defines them. */
  materialTestFailures?: string[];
}

const HOUR_MS = 3_600_000;

/**
 * DON-06: before production may start, QA's release needs (1) institution and donor eligible
 * and label data matched, (2) the time from end of collection within the material's shelf
 * life and temperatures within limits, (3) packaging intact, (4) every deviation investigated
 * and closed. A failure refuses the release, naming each unmet item.
 */
export function assertMaterialReleasable(facts: MaterialReleaseFacts): void {
  const failures: string[] = [];
  const failed = (id: string) => facts.receipt?.items.find((i) => i.item === id && !i.passed);
  if (!facts.receipt) failures.push('DON-06.1: no receipt inspection recorded');
  if (facts.institutionRefusal) failures.push(`DON-06.1: ${facts.institutionRefusal}`);
  for (const id of ['DON-04.1', 'DON-04.4', 'DON-04.5', 'DON-04.6']) {
    const item = failed(id);
    if (item) failures.push(`DON-06.1: receipt check ${id} failed (${item.reason})`);
  }
  const transport = failed('DON-04.2');
  if (transport) failures.push(`DON-06.2: ${transport.reason}`);
  if (facts.collectedAt) {
    const hours = (Date.parse(facts.releasedAt) - Date.parse(facts.collectedAt)) / HOUR_MS;
    if (hours > facts.specification.donorMaterialShelfLifeHours) {
      failures.push(
        `DON-06.2: ${hours.toFixed(1)} h since the end of collection, shelf life ${facts.specification.donorMaterialShelfLifeHours} h`,
      );
    }
  }
  if (failed('DON-04.3')) failures.push('DON-06.3: packaging not intact');
  for (const d of facts.openDeviations)
    failures.push(`DON-06.4: deviation ${d.deviationId} not closed (${d.description})`);
  failures.push(...(facts.materialTestFailures ?? []));
  if (failures.length) {
    throw new DomainError(
      'DON-06',
      `the donor material cannot be released: ${failures.join('; ')} (DON-06)`,
      { failures },
    );
  }
}
