import { DomainError, type EmergencyDecision, type QcTest, type QcVerdict } from '@v2v/contracts';
import type { ProductEmergency, StandingRelease } from './product-emergency.repository';

/** What a late result says about the product, as the emergency records it. */
export interface LateResultEmergency {
  testCode: string;
  description: string;
}

/**
 * QA-04 (§10(4)), QA-02.1: a result of a release-gating test judged out of specification while
 * the batch's release stands — one that was to follow a conditional release, or a correction
 * recorded after it — raises an emergency at once: the product may be on its way, at the site
 * or infused. An informational test never does; neither does any result once the release is
 * void (the batch is back in release review, the release gates hold it).
 */
export function emergencyOfLateResult(
  test: QcTest,
  result: { value: number | string; unit?: string | null },
  verdict: QcVerdict,
  release: StandingRelease | undefined,
): LateResultEmergency | undefined {
  if (!release || verdict !== 'out-of-specification' || test.gating === 'informational')
    return undefined;
  const measured = `${result.value}${result.unit ? ` ${result.unit}` : ''}`;
  const conditional = release.resultsToFollow.includes(test.code)
    ? 'that was to follow its conditional release'
    : 'recorded after its release';
  return {
    testCode: test.code,
    description: `${test.code} result ${measured} of batch ${release.batchNumber ?? '(unknown)'}, ${conditional}, is out of specification: the product is on hold (QA-04)`,
  };
}

/**
 * QA-04: while an emergency raised on the product is open, the product is on hold: it is not
 * infused until QA closed the emergency with its investigation.
 */
export function requireNoOpenEmergency(
  donorCode: string,
  emergencies: Array<Pick<ProductEmergency, 'deviationId' | 'status' | 'description'>>,
): void {
  const open = emergencies.filter((e) => e.status === 'open');
  if (!open.length) return;
  throw new DomainError(
    'QA-04',
    `the product of ${donorCode} is on hold while an emergency is open: ${open
      .map((e) => `${e.deviationId} ${e.description}`)
      .join('; ')}`,
    { openEmergencies: open.map((e) => e.deviationId) },
  );
}

/** Kinds whose product is never used: its identity cannot be established (QA-04, TRC-03). */
const NEVER_USED = ['wrong-label', 'lost-label'];

/**
 * QA-04 (§10(4)): the closure of an emergency found at the site carries QA's decision (the
 * preventive action, the disposition, the recall decision); one raised otherwise may. A product
 * whose label was wrong or lost is never released for use: destroyed or returned.
 */
export function requireEmergencyDecision(
  emergency: Pick<ProductEmergency, 'deviationId' | 'kind' | 'siteSource'>,
  decision: EmergencyDecision | undefined,
): void {
  if (!decision) {
    if (emergency.siteSource)
      throw new DomainError(
        'QA-04',
        `emergency ${emergency.deviationId} (${emergency.kind}) is closed with its preventive action, the product's disposition and the recall decision (QA-04)`,
      );
    return;
  }
  if (decision.disposition === 'use' && NEVER_USED.includes(emergency.kind))
    throw new DomainError(
      'QA-04',
      `the product of emergency ${emergency.deviationId} (${emergency.kind}) cannot be used: destroy it or return it to the manufacturer (QA-04)`,
    );
}

/**
 * QA-04: a product QA decided to destroy or return when closing an emergency stays on hold for
 * good: it is neither thawed nor infused.
 */
export function requireNotDisposedOf(
  donorCode: string,
  emergencies: Array<Pick<ProductEmergency, 'deviationId' | 'disposition'>>,
): void {
  const disposed = emergencies.find(
    (e) => e.disposition === 'destroy' || e.disposition === 'return-to-manufacturer',
  );
  if (!disposed) return;
  throw new DomainError(
    'QA-04',
    `the product of ${donorCode} is not used: QA's disposition at the closure of emergency ${disposed.deviationId} is ${disposed.disposition} (QA-04)`,
    { deviationId: disposed.deviationId, disposition: disposed.disposition },
  );
}
