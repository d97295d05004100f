import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@v2v/contracts';
import { noJourneyMessage } from '../tenancy/tenancy-rules';
import { toDomainError } from './temporal-errors';

const failed = (type: string) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    ApplicationFailure.create({ type, message: `refused: ${type}` }),
  );

describe('Temporal answers → domain refusals', () => {
  it.each([
    'STEP_OUT_OF_ORDER',
    'STEP_IN_PROGRESS',
    'IDENTITY_MISMATCH',
    'QA-02',
    'TRC-02',
    'SERVICE_UNAVAILABLE',
  ])('keeps the reason code %s of a failed update', (type) => {
    const error = toDomainError(failed(type), 'X');
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: type, message: `refused: ${type}` });
  });

  it("keeps the owning service's details of the refusal beside its code", () => {
    const error = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({
        type: 'NO_MANUFACTURING_SLOT',
        message: 'no line is free',
        details: [{ earliestFreeStartOn: '2026-12-12' }],
      }),
    );
    expect(toDomainError(error, 'X')).toMatchObject({
      code: 'NO_MANUFACTURING_SLOT',
      details: { earliestFreeStartOn: '2026-12-12', refusal: 'NO_MANUFACTURING_SLOT' },
    });
  });

  it('CSV-03 answers an unknown journey as NOT_FOUND, as tenancy answers a code it refuses', () => {
    expect(
      toDomainError(new WorkflowNotFoundError('gone', 'journey-X', undefined), 'X'),
    ).toMatchObject({ code: 'NOT_FOUND', message: noJourneyMessage('X'), details: {} });
  });

  it('passes unrelated errors through unchanged', () => {
    const boom = new Error('boom');
    expect(toDomainError(boom, 'X')).toBe(boom);
  });
});

describe('a journey too busy or unreachable to answer', () => {
  const grpc = (code: number) =>
    Object.assign(new Error(`grpc ${code}`), { code, details: '', metadata: {} });

  it.each([
    ['a query past its deadline', new ServiceError('query failed', { cause: grpc(4) })],
    ['Temporal unreachable', new ServiceError('unavailable', { cause: grpc(14) })],
    [
      "a query cancelled at the gateway's deadline",
      new ServiceError('cancelled', { cause: grpc(1) }),
    ],
    ['an update RPC timed out', new WorkflowUpdateRPCTimeoutOrCancelledError('timed out')],
    [
      'an update the journey dropped before accepting it',
      new WorkflowNotFoundError('update e-1 not found', 'journey-X', undefined),
    ],
  ])('is SERVICE_UNAVAILABLE with a retry hint: %s', (_, thrown) => {
    expect(toDomainError(thrown, 'X')).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'the journey of X did not answer in time; retry in 5 s',
      details: { retryAfterSeconds: 5 },
    });
  });

  it('leaves any other gRPC failure as it is', () => {
    const other = new ServiceError('invalid', { cause: grpc(3) });
    expect(toDomainError(other, 'X')).toBe(other);
  });
});
