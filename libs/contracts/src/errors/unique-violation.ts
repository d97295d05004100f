import { DomainError } from './domain-error';

interface PostgresError {
  code?: string;
  constraint?: string;
  detail?: string;
}

/** The constraint a PostgreSQL unique violation (23505) names, or undefined for any other error. */
export function uniqueViolationConstraint(error: unknown): string | undefined {
  const pg = error as PostgresError | null | undefined;
  if (pg?.code !== '23505') return undefined;
  return pg.constraint ?? 'unique constraint';
}

/**
 * A unique violation no use case answered itself is still a conflict with what is on record,
 * never a retryable race nor a raw database error: retrying it would fail the same way forever
 * (a journey wedged on `UQ_batch_donor_code`), and a client must get a sentence, not a driver
 * message. Undefined when the error is not a unique violation.
 */
export function uniqueViolationRefusal(error: unknown): DomainError | undefined {
  const constraint = uniqueViolationConstraint(error);
  if (!constraint) return undefined;
  const detail = (error as PostgresError).detail;
  return new DomainError(
    'RECORD_ALREADY_EXISTS',
    `the record already exists (${constraint}${detail ? `: ${detail}` : ''})`,
    { constraint },
  );
}
