import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, Observable, of } from 'rxjs';
import { DataSource } from 'typeorm';
import { DomainError } from '@v2v/contracts';
import { canonicalContent, contentHash } from '@v2v/integrity';
import type { AuthenticatedUser } from '../auth/authenticated-user';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every command endpoint accepts an `Idempotency-Key`: the first successful answer is kept;
 * a repeat with the same key and request gets that answer and writes nothing; the same key
 * with a different request is refused with IDEMPOTENCY_CONFLICT (409). Keys are per user.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.user) return next.handle();
    if (!UUID.test(key))
      throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be a uuid');
    const username = request.user.username;
    const requestHash = contentHash(
      canonicalContent({
        method: request.method,
        path: request.originalUrl,
        body: request.body ?? null,
      }),
    );
    return from(this.find(key, username)).pipe(
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
            await this.dataSource.query(
              `INSERT INTO "gateway"."idempotency_record" ("key", "username", "request_hash", "status", "response")
               VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
              [key, username, requestHash, response.statusCode, JSON.stringify(body ?? null)],
            );
            return body;
          }),
        );
      }),
    );
  }

  private async find(key: string, username: string) {
    const rows: Array<{ request_hash: string; status: number; response: unknown }> =
      await this.dataSource.query(
        `SELECT "request_hash", "status", "response" FROM "gateway"."idempotency_record" WHERE "key" = $1 AND "username" = $2`,
        [key, username],
      );
    return rows[0];
  }
}
