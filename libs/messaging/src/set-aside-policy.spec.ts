import { z } from 'zod';
import { DomainError } from '@v2v/contracts';
import {
  decideHandlerFailure,
  decidePublishFailure,
  SET_ASIDE_MAX_ATTEMPTS,
} from './set-aside-policy';

const pgError = (code: string, message: string) =>
  Object.assign(new Error(message), { driverError: { code } });

describe('decideHandlerFailure', () => {
  it('GEN-01 sets aside at once a reading the database refuses (year 0: SQLSTATE 22008)', () => {
    const error = pgError('22008', 'date/time field value out of range: "0000-01-01T00:00:00Z"');
    expect(decideHandlerFailure(error, 1)).toEqual({
      action: 'set-aside',
      reason: expect.stringMatching(/^value refused by the database: date\/time field/),
      kind: 'database-value',
    });
  });

  it('CSV-04 sets aside at once a payload that fails its contract', () => {
    const parsed = z.object({ measuredAt: z.string() }).safeParse({ measuredAt: 7 });
    expect(parsed.success).toBe(false);
    const decision = decideHandlerFailure(!parsed.success && parsed.error, 1);
    expect(decision).toEqual({
      action: 'set-aside',
      reason: expect.stringMatching(/^contract: .*measuredAt/s),
      kind: 'contract',
    });
  });

  it('CSV-04 sets aside at once a domain refusal, naming its rule', () => {
    const error = new DomainError('TRC-02', 'Donor code malformed (TRC-02)');
    expect(decideHandlerFailure(error, 1)).toEqual({
      action: 'set-aside',
      reason: 'refused TRC-02: Donor code malformed (TRC-02)',
      kind: 'refused',
    });
  });

  it('CSV-04 retries any other error with a doubling backoff, then sets it aside', () => {
    const error = new Error('deadlock detected');
    const delays = [1, 2, 3, 4].map((attempt) => decideHandlerFailure(error, attempt));
    expect(delays).toEqual([200, 400, 800, 1600].map((delayMs) => ({ action: 'retry', delayMs })));
    expect(decideHandlerFailure(error, SET_ASIDE_MAX_ATTEMPTS)).toEqual({
      action: 'set-aside',
      reason: 'failed 5 times: deadlock detected',
      kind: 'retries',
    });
  });

  it('CSV-04 never sets a message aside because the database or Temporal is away', () => {
    for (const error of [
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('08006', 'connection failure'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      // Temporal's client: a ServiceError caused by gRPC UNAVAILABLE (the server is down).
      Object.assign(new Error('Failed to signal workflow'), {
        name: 'ServiceError',
        cause: Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
          code: 14,
          details: 'No connection established',
          metadata: {},
        }),
      }),
    ]) {
      expect(decideHandlerFailure(error, SET_ASIDE_MAX_ATTEMPTS)).toEqual({ action: 'rethrow' });
    }
  });
});

describe('decidePublishFailure', () => {
  // The shape kafkajs gives a broker refusal: a non-retriable error caused by the protocol error.
  const tooLarge = Object.assign(new Error('The request included a message larger than the max'), {
    name: 'KafkaJSNonRetriableError',
    cause: Object.assign(new Error('The request included a message larger than the max'), {
      name: 'KafkaJSProtocolError',
      type: 'MESSAGE_TOO_LARGE',
    }),
  });

  it('CSV-04 retries a row the broker refuses, then sets it aside with the reason', () => {
    expect(decidePublishFailure(tooLarge, 1)).toEqual({ action: 'retry' });
    expect(decidePublishFailure(tooLarge, SET_ASIDE_MAX_ATTEMPTS - 1)).toEqual({ action: 'retry' });
    expect(decidePublishFailure(tooLarge, SET_ASIDE_MAX_ATTEMPTS)).toEqual({
      action: 'set-aside',
      reason: expect.stringMatching(/^broker refused 5 times: MESSAGE_TOO_LARGE: /),
    });
  });

  it('CSV-04 blames no row when the broker itself fails', () => {
    const down = Object.assign(new Error('Connection error: connect ECONNREFUSED'), {
      name: 'KafkaJSNumberOfRetriesExceeded',
      cause: Object.assign(new Error('connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' }),
    });
    expect(decidePublishFailure(down, 50)).toEqual({ action: 'broker-failure' });
    const leaderMoving = Object.assign(new Error('not leader'), {
      type: 'NOT_LEADER_FOR_PARTITION',
    });
    expect(decidePublishFailure(leaderMoving, 50)).toEqual({ action: 'broker-failure' });
  });
});
