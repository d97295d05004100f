import { DomainError } from '@v2v/contracts';
import { domainErrorStatus } from '@v2v/service-kit';
import { ConcealedRefusal } from './concealed-refusal';
import { RecordedRefusal } from './recorded-refusal';

export interface RecordableRefusal {
  status: number;
  code: string;
  reason: string;
}

/**
 * Which answers of an authenticated request the gateway's filter records, and how: every
 * domain refusal answered 4xx (a rule ID such as DON-04 or TRC-02, STEP_OUT_OF_ORDER,
 * IDENTITY_MISMATCH, tenancy's NOT_FOUND, …) with its code. Not recorded here: a body that
 * fails its schema (VALIDATION_FAILED and the 400 of ZodBodyPipe), which names no rule; a
 * 5xx, which is no refusal; and what was recorded where it was thrown (the HttpExceptions of
 * the auth guard and login, a `RecordedRefusal`), so each refusal is on record once.
 */
export function recordableRefusal(error: unknown): RecordableRefusal | undefined {
  if (!(error instanceof DomainError) || error instanceof RecordedRefusal) return undefined;
  if (error.code === 'VALIDATION_FAILED') return undefined;
  const status = domainErrorStatus(error.code);
  if (status >= 500) return undefined;
  const reason = error instanceof ConcealedRefusal ? error.recordedReason : error.message;
  return { status, code: error.code, reason };
}
