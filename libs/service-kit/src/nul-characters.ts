import { BadRequestException, CanActivate, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** How deep a body is searched; the contracts' bodies nest a few levels at most. */
const MAX_DEPTH = 32;

/**
 * Where the first NUL character (U+0000) in a value is, as a field path (`a.b.0`), or undefined.
 * Keys are searched as well as strings. PostgreSQL's text cannot hold the character, so a value
 * carrying one cannot become a record; refused at the edge it is a 400 naming the field instead
 * of a database error answered as a server fault.
 */
export function nulCharacterAt(value: unknown, at: string[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? at.join('.') : undefined;
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const path = [...at, key];
    if (key.includes('\u0000')) return path.join('.');
    const found = nulCharacterAt(inner, path, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Refuses a request whose path parameters, query or JSON body carry a NUL character, before any
 * handler reads it: 400 VALIDATION_FAILED with the field, in the body validation's shape
 * (`path.roomCode`, `query.shift`, or the body field's own path).
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
      fieldErrors: [
        { path: field, message: 'contains a NUL character (U+0000), which no record can hold' },
      ],
    });
  }
}

const prefixed = (prefix: string, field: string | undefined) =>
  field === undefined ? undefined : `${prefix}.${field}`;
