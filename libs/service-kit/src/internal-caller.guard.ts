import { CanActivate, ExecutionContext, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { DomainError } from '@v2v/contracts';

/**
 * A service's internal API (`/internal/…`) answers only callers holding the deployment's
 * service credential: an open port is not a trust boundary. Health stays open for probes.
 * A refused call is logged with where it came from.
 */
export class InternalCallerGuard implements CanActivate {
  private readonly logger = new Logger('InternalCallerGuard');
  private readonly expected: Buffer;

  constructor(token: string) {
    this.expected = Buffer.from(`Bearer ${token}`, 'utf8');
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.path.startsWith('/internal/')) return true;
    const presented = Buffer.from(request.headers.authorization ?? '', 'utf8');
    if (presented.length === this.expected.length && timingSafeEqual(presented, this.expected)) {
      return true;
    }
    this.logger.warn(
      { method: request.method, path: request.path, from: request.ip },
      'internal call refused: no valid service credential',
    );
    throw new DomainError(
      'UNAUTHENTICATED',
      'internal API: a valid service credential is required',
    );
  }
}
