import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { idempotencyScopeOf } from './idempotency-scope';

/**
 * The request's idempotency scope (idempotency-scope.ts), undefined without an
 * Idempotency-Key; services turn it into the event id they send on (EventIds).
 */
export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  idempotencyScopeOf(ctx.switchToHttp().getRequest()),
);

/** The optional Idempotency-Key header of a command endpoint, in the OpenAPI document. */
export const IdempotencyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'uuid; a repeat with the same key returns the first answer',
  });
