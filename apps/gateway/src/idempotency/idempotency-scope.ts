import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { donorCodeOfPathSegment, isValidDonorCode, requireDonorCode } from '@v2v/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';

/**
 * What an `Idempotency-Key` means (issue 10 A9): one request of one user on one route for one
 * donor code. The same key from another user, on another route or for another donor code is
 * another request, in the gateway's idempotency records and in every event id derived from it.
 */
export interface IdempotencyScope {
  username: string;
  /** The method and the route pattern, e.g. `POST /api/journeys/:donorCode/release-material`. */
  route: string;
  /** The canonical donor code of the route, '' on a route without one. */
  donorCode: string;
  /** The Idempotency-Key, lower case (a uuid, as PostgreSQL compares it). */
  key: string;
}

/** The namespace of the gateway's event ids (a fixed, random uuid; never change it). */
const EVENT_ID_NAMESPACE = 'd59e7c32-323b-4b9b-ad63-fa054b08c0aa';

/**
 * The event id of a request with an Idempotency-Key: the key scoped to user, route and donor
 * code, as a name-based UUID. Node's crypto has no UUIDv5 (and v5 is SHA-1), so this is the
 * SHA-256 name-based UUID of RFC 9562 §5.8 / appendix B.2 (version 8): the first 128 bits of
 * SHA-256(namespace bytes ‖ name), with the version and variant bits set. The name is the JSON
 * array `[username, route, donorCode, key]`, so no field can run into the next. Deterministic:
 * the same request repeated maps to the same id, which journeys use as Temporal update id and
 * services as the record's identity (`recordStepOnce`).
 */
export function scopedEventId(scope: IdempotencyScope): string {
  const name = JSON.stringify([scope.username, scope.route, scope.donorCode, scope.key]);
  const hash = createHash('sha256')
    .update(Buffer.from(EVENT_ID_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx (RFC 9562)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type ScopedRequest = Pick<Request, 'method' | 'path' | 'headers' | 'params'> & {
  route?: { path?: unknown };
  user?: AuthenticatedUser;
};

/** The scope of an authenticated request's Idempotency-Key; undefined without a key or user. */
export function idempotencyScopeOf(request: ScopedRequest): IdempotencyScope | undefined {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !request.user) return undefined;
  const pattern = typeof request.route?.path === 'string' ? request.route.path : request.path;
  const param: unknown = request.params?.donorCode;
  const rawCode = typeof param === 'string' ? donorCodeOfPathSegment(param) : undefined;
  const donorCode =
    rawCode === undefined ? '' : isValidDonorCode(rawCode) ? requireDonorCode(rawCode) : rawCode;
  return {
    username: request.user.username,
    route: `${request.method} ${pattern}`,
    donorCode,
    key: key.toLowerCase(),
  };
}
