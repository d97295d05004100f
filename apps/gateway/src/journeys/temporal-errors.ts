import {
  isGrpcDeadlineError,
  isGrpcServiceError,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, refusalKind, RefusalCode } from '@v2v/contracts';
import { noJourneyMessage } from '../tenancy/tenancy-rules';

/**
 * Translates what Temporal answered into the domain refusal the HTTP filter maps: the
 * workflow's failure type is the reason code (STEP_OUT_OF_ORDER, IDENTITY_MISMATCH, …).
 */
export function toDomainError(error: unknown, donorCode: string): unknown {
  if (error instanceof WorkflowNotFoundError && !isUnacceptedUpdate(error)) {
    // The same answer as tenancy's for a code the user may not see (CSV-03).
    return new DomainError('NOT_FOUND', noJourneyMessage(donorCode));
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    // The owning service's details (e.g. the earliest free slot, the holds that refuse a
    // release) travel as the failure's first detail.
    const [details] = (error.cause.details ?? []) as unknown[];
    const known = typeof details === 'object' && details !== null ? details : {};
    return journeyRefusal(error.cause.type ?? 'STEP_OUT_OF_ORDER', error.cause.message, known);
  }
  if (isClosedWorkflow(error)) {
    return new DomainError(
      'JOURNEY_CLOSED',
      `the journey of ${donorCode} has ended; no further step is possible`,
    );
  }
  if (isBusyOrUnreachable(error)) {
    // A query or update the journey's worker did not get to in time (a burst of orders), or
    // Temporal unreachable: nothing was lost, the client may ask again.
    return new DomainError(
      'SERVICE_UNAVAILABLE',
      `the journey of ${donorCode} did not answer in time; retry in ${RETRY_AFTER_SECONDS} s`,
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  return error;
}

/** A refusal of the journey (its failure type the reason code) as the domain refusal. */
export function journeyRefusal(type: string, message: string, details: object = {}): DomainError {
  const code = (refusalKind(type) ? type : 'STEP_OUT_OF_ORDER') as RefusalCode;
  return new DomainError(code, message, { ...details, refusal: type });
}

export const RETRY_AFTER_SECONDS = 5;
/**
 * gRPC status codes (grpc/status.proto): the call cancelled, which only the gateway's own
 * deadline does (`QUERY_DEADLINE_MS`; grpc-js reports it so at times); the deadline passed; the
 * server is unreachable.
 */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** The journey runs but dropped the update before accepting it, even when sent again. */
function isUnacceptedUpdate(error: WorkflowNotFoundError): boolean {
  return /^update \S+ not found/.test(error.message);
}

function isBusyOrUnreachable(error: unknown): boolean {
  if (error instanceof WorkflowNotFoundError) return isUnacceptedUpdate(error);
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error))
    return true;
  const grpc = error instanceof ServiceError ? error.cause : error;
  return (
    isGrpcServiceError(grpc) &&
    [GRPC_CANCELLED, GRPC_DEADLINE_EXCEEDED, GRPC_UNAVAILABLE].includes(grpc.code)
  );
}

function isClosedWorkflow(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
  return /workflow execution already completed/i.test(text);
}
