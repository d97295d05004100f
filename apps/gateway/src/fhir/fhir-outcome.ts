import { HttpException } from '@nestjs/common';
import { ZodError } from 'zod';
import { DomainError, refusalKind, RefusalKind, answerableError } from '@v2v/contracts';
import { domainErrorStatus } from '@v2v/service-kit';
import { FHIR_SYSTEMS } from './fhir-identifiers';

/** The OperationOutcome issue type of each kind of refusal. */
const ISSUE_TYPE: Record<RefusalKind, string> = {
  invalid: 'invalid',
  'not-found': 'not-found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  unavailable: 'transient',
  unauthenticated: 'login',
};

const HTTP_ISSUE_TYPE: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  429: 'throttled',
};

/** One error issue with the platform's refusal code (the rule ID where a rule refused). */
function outcome(code: string, issueType: string, message: string) {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: issueType,
        details: { coding: [{ system: FHIR_SYSTEMS.refusalCode, code }], text: message },
        diagnostics: message,
      },
    ],
  };
}

/**
 * TRC-04: a refusal of a FHIR route as the R4 OperationOutcome with the HTTP status the rest
 * of the gateway answers it with. Only the refusal's own message leaves (tenancy's 404 reads
 * as an unknown id's); an unexpected error is a bare 500 whose detail stays in the log.
 */
export function operationOutcomeOf(thrown: unknown): {
  status: number;
  outcome: ReturnType<typeof outcome>;
  /** When to ask again, for a service that could not answer in time (the Retry-After header). */
  retryAfterSeconds?: number;
} {
  const error = answerableError(thrown);
  if (error instanceof DomainError) {
    const status = domainErrorStatus(error.code);
    const kind = refusalKind(error.code) ?? 'conflict';
    const retryAfter = error.details.retryAfterSeconds;
    return {
      status,
      outcome: outcome(error.code, ISSUE_TYPE[kind], error.message),
      ...(kind === 'unavailable' && typeof retryAfter === 'number'
        ? { retryAfterSeconds: retryAfter }
        : {}),
    };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const message = `the request is invalid${issues ? `: ${issues}` : ''}`;
    return { status: 400, outcome: outcome('VALIDATION_FAILED', 'invalid', message) };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const { code, message } = (typeof body === 'object' ? body : { message: body }) as {
      code?: unknown;
      message?: unknown;
    };
    return {
      status,
      outcome: outcome(
        typeof code === 'string' ? code : `HTTP_${status}`,
        HTTP_ISSUE_TYPE[status] ?? (status >= 500 ? 'exception' : 'processing'),
        typeof message === 'string' ? message : error.message,
      ),
    };
  }
  return { status: 500, outcome: outcome('INTERNAL', 'exception', 'internal error') };
}
