import { DomainError, type QcTest, type QcVerdict } from '@v2v/contracts';
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
