import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, Observable, of } from 'rxjs';
import { DomainError } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { IdempotencyRecordRepository } from './idempotency-record.repository';
import { idempotencyScopeOf } from './idempotency-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every command endpoint accepts an `Idempotency-Key`: the first successful answer is kept;
 * a repeat with the same key and request gets that answer and writes nothing; the same key
 * with a different request is refused with IDEMPOTENCY_CONFLICT (409). A key is scoped to the
 * user, the route and the donor code (idempotency-scope.ts): the same key from another user or
 * for another journey is another request.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly records: IdempotencyRecordRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.user) return next.handle();
    if (!UUID.test(key))
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be a uuid');
    const scope = idempotencyScopeOf(request)!;
    const requestHash = contentHash(
      canonicalContent({
        method: request.method,
        path: request.originalUrl,
        body: request.body ?? null,
      }),
    );
    return from(this.records.find(scope)).pipe(
      mergeMap((first) => {
        if (first) {
          if (first.request_hash !== requestHash) {
            throw new DomainError(
              'IDEMPOTENCY_CONFLICT',
              `Idempotency-Key ${key} was already used for a different request`,
            );
          }
          response.status(first.status);
          return of(first.response);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.records.insert(scope, {
              requestHash,
              status: response.statusCode,
              response: body,
            });
            return body;
          }),
        );
      }),
    );
  }
}
