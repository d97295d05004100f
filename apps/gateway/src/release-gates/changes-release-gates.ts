import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Observable, tap } from 'rxjs';
import { requireDonorCode, donorCodeOfPathSegment } from '@v2v/contracts';
import { ReleaseGatesService } from './release-gates.service';

const CHANGES_RELEASE_GATES = 'changesReleaseGates';

/**
 * A write that may change a release gate of the journey named by the route's `:donorCode` (or
 * the body's `donorCode`): once it succeeded, the batch's release child evaluates again.
 */
export const ChangesReleaseGates = (reason: string) => SetMetadata(CHANGES_RELEASE_GATES, reason);

/** Applied to every route; acts only on those marked `@ChangesReleaseGates`. */
@Injectable()
export class ReleaseGatesChangedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly gates: ReleaseGatesService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reason = this.reflector.get<string | undefined>(
      CHANGES_RELEASE_GATES,
      context.getHandler(),
    );
    if (!reason) return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const raw = request.params?.donorCode ?? (request.body as { donorCode?: unknown })?.donorCode;
    return next.handle().pipe(
      tap(() => {
        if (typeof raw !== 'string') return;
        let donorCode: string;
        try {
          donorCode = requireDonorCode(donorCodeOfPathSegment(raw));
        } catch {
          return;
        }
        void this.gates.changed(donorCode, reason);
      }),
    );
  }
}
