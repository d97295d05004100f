import { DomainError, ProductSpecification, StepRequestBody } from '@v2v/contracts';

type Screening = StepRequestBody<'recordDonorScreening'>;

const DAY_MS = 86_400_000;

/**
 * DON-01: the donor's screening against the product's standards. Every required marker needs
 * a result from a sample not older than the standard allows; a positive result for an
 * excluding marker refuses the donor. Other positive results are accepted for autologous
 * use and returned as the known-positive flag (DON-05).
 */
export function evaluateDonorScreening(
  standard: ProductSpecification['donorScreening'],
  screening: Screening,
  recordedAt: string,
): { knownPositiveMarkers: string[] } {
  const failures: string[] = [];
  const resultOf = new Map(screening.results.map((r) => [r.marker, r.result]));
  const duplicated = screening.results
    .map((r) => r.marker)
    .filter((m, i, all) => all.indexOf(m) !== i);
  if (duplicated.length)
    failures.push(`more than one result for ${[...new Set(duplicated)].join(', ')}`);
  const missing = standard.requiredMarkers.filter((m) => !resultOf.has(m));
  if (missing.length) failures.push(`no result for required marker(s) ${missing.join(', ')}`);
  const excluded = standard.excludedIfPositive.filter((m) => resultOf.get(m) === 'positive');
  if (excluded.length)
    failures.push(`positive for ${excluded.join(', ')}, which the product does not accept`);
  const ageDays = (Date.parse(recordedAt) - Date.parse(screening.sampledAt)) / DAY_MS;
  if (ageDays > standard.resultsValidDays)
    failures.push(
      `sample taken ${Math.floor(ageDays)} days ago; results are valid for ${standard.resultsValidDays} days`,
    );
  if (ageDays < -1) failures.push(`sample date ${screening.sampledAt} is in the future`);
  if (failures.length) {
    throw new DomainError(
      'DON-01',
      `the donor does not meet the product's screening standards: ${failures.join('; ')} (DON-01)`,
      { failures },
    );
  }
  return {
    knownPositiveMarkers: screening.results
      .filter((r) => r.result === 'positive')
      .map((r) => r.marker),
  };
}
