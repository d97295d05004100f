import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ZodError } from 'zod';
import { answerableError, DomainError, refusalKind, RefusalKind } from '@v2v/contracts';
import { countRefusal } from './metrics';

const STATUS: Record<RefusalKind, number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  unauthenticated: 401,
};

/** The HTTP status a domain refusal code is answered with; an unlisted code is a conflict. */
export function domainErrorStatus(code: string): number {
  return STATUS[refusalKind(code) ?? 'conflict'];
}

/**
 * The one place an app maps domain refusal codes to HTTP. A unique violation no use case
 * answered is a conflict (409) with a sentence; PostgreSQL, the network or Temporal away is a
 * 503 with Retry-After (the client sends the same request again, nothing was its fault); any
 * other unexpected error is a bare 500 whose detail stays in the log, so no raw database error
 * reaches a client. Each refusal is counted
 * by its rule (`gmp_refusals_total`) before it is answered.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainErrorFilter');

  catch(thrown: unknown, host: ArgumentsHost): void {
    countRefusal(thrown, host.switchToHttp().getRequest());
    this.respond(thrown, host);
  }

  /** The answer alone, for a filter that extends this one and counts the refusal itself. */
  protected respond(thrown: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const error = answerableError(thrown);
    if (error instanceof DomainError) {
      const retryAfter = error.details.retryAfterSeconds;
      if (refusalKind(error.code) === 'unavailable' && typeof retryAfter === 'number')
        response.setHeader('Retry-After', String(retryAfter));
      response
        .status(domainErrorStatus(error.code))
        .json({ code: error.code, message: error.message, details: error.details });
      return;
    }
    if (error instanceof ZodError) {
      response.status(400).json(validationBody(error));
      return;
    }
    if (isBodyTooLarge(error)) {
      response.status(413).json({
        code: 'PAYLOAD_TOO_LARGE',
        message: `the request body is larger than this route takes (${error.limit} bytes)`,
      });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response.status(error.getStatus()).json(typeof body === 'string' ? { message: body } : body);
      return;
    }
    this.logger.error(error);
    response.status(500).json({ code: 'INTERNAL', message: 'internal error' });
  }
}

/** The JSON body parser's refusal of a body over its limit, which reaches the filter as is. */
function isBodyTooLarge(error: unknown): error is { type: string; limit: number } {
  return (error as { type?: unknown } | null)?.type === 'entity.too.large';
}

export function validationBody(error: ZodError) {
  return {
    code: 'VALIDATION_FAILED',
    message: 'the request is invalid',
    fieldErrors: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}
