/** Postgres unique violation: a concurrent request with the same idempotency key won the race. */
export const isUniqueViolation = (error: unknown): boolean =>
  (error as { code?: string }).code === '23505';
