import { BadRequestException, CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { NUL_CHARACTER_MESSAGE, nulCharacterAt } from '@v2v/contracts';

/**
 * Refuses a request whose path parameters, query or JSON body carry a NUL character, before any
 * handler reads it: 400 VALIDATION_FAILED with the field, in the body validation's shape
 * (`path.roomCode`, `query.shift`, or the body field's own path). PostgreSQL cannot hold the
 * character, so such a value would otherwise end as a database error answered as a server fault.
 */
export class NulCharacterGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const field =
      prefixed('path', nulCharacterAt(request.params)) ??
      prefixed('query', nulCharacterAt(request.query)) ??
      nulCharacterAt(request.body);
    if (field === undefined) return true;
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: 'the request is invalid',
      fieldErrors: [{ path: field, message: NUL_CHARACTER_MESSAGE }],
    });
  }
}

const prefixed = (prefix: string, field: string | undefined) =>
  field === undefined ? undefined : `${prefix}.${field}`;
