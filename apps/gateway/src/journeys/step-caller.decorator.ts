import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { IdempotencyScope, idempotencyScopeOf } from '../idempotency/idempotency-scope';

/** Who takes a step, on which request path, under which Idempotency-Key scope. */
export interface StepCaller {
  user: AuthenticatedUser;
  path: string;
  idempotency?: IdempotencyScope;
}

/** The caller of a step endpoint (StepCaller), read from the authenticated request. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): StepCaller => {
  const request = ctx.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>();
  return {
    user: request.user,
    path: request.originalUrl,
    idempotency: idempotencyScopeOf(request),
  };
});
