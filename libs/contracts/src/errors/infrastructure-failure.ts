import { DomainError } from './domain-error';
import { uniqueViolationRefusal } from './unique-violation';

/** Connection, resource and operator failures of PostgreSQL (SQLSTATE classes). */
const INFRASTRUCTURE_SQLSTATE_CLASSES = ['08', '53', '57', '58'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
/** gRPC statuses of a Temporal server away: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE. */
const GRPC_UNAVAILABLE = new Set([4, 8, 14]);
/** Seconds a client is told to wait before it asks again while a server is away. */
export const INFRASTRUCTURE_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL, the network or Temporal away: a failure of no request's or message's making,
 * which the same request or message gets past once the server is back. Looks through the causes
 * (TypeORM's `driverError`, Temporal's `ServiceError.cause`) a few levels deep.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const state = sqlState(e);
    if (state && INFRASTRUCTURE_SQLSTATE_CLASSES.includes(state.slice(0, 2))) return true;
    if (state && NETWORK_CODES.has(state)) return true;
    const { code, details, name, cause } = e as Record<string, unknown>;
    if (typeof details === 'string' && typeof code === 'number' && GRPC_UNAVAILABLE.has(code)) {
      return true;
    }
    if (name === 'TransportError') return true;
    // node-postgres reports a dropped connection, or a pool that could not connect, without a code.
    if (
      /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(
        describeError(e),
      )
    )
      return true;
    e = cause;
  }
  return false;
}

/**
 * An infrastructure failure as the refusal a client is answered with: 503 and a retry hint, the
 * same request (same Idempotency-Key) to be sent again, never a bare 500. Undefined otherwise.
 */
export function infrastructureRefusal(error: unknown): DomainError | undefined {
  if (!isInfrastructureFailure(error)) return undefined;
  return new DomainError(
    'SERVICE_UNAVAILABLE',
    `a server this service depends on did not answer; send the same request again in ${INFRASTRUCTURE_RETRY_AFTER_SECONDS} s`,
    { retryAfterSeconds: INFRASTRUCTURE_RETRY_AFTER_SECONDS },
  );
}

/** A PostgreSQL SQLSTATE or a Node network code, where the error (or its driver error) has one. */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What an HTTP answer is made from: a unique violation as its conflict, a server away as its
 * 503, anything else as thrown. The filters and the refusal metric all read errors through it.
 */
export function answerableError(thrown: unknown): unknown {
  return uniqueViolationRefusal(thrown) ?? infrastructureRefusal(thrown) ?? thrown;
}
