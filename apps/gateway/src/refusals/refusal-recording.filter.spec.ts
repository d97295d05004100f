import { ArgumentsHost, Logger } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { gmpRefusals } from '@v2v/service-kit';
import type { AccessRefusal, AccessRefusalLog } from './access-refusal.log';
import { RefusalRecordingFilter } from './refusal-recording.filter';

const operator = { userId: 'u-1', username: 'operator', role: 'operator', institutionId: null };
const PATH = '/api/journeys/A99991500000100M/start-production';
const ROUTE = '/api/journeys/:donorCode/start-production';

/** A fake HTTP exchange: the request the filter reads, and the answer it sends. */
function exchange(user?: object) {
  const events: string[] = [];
  let answer: (value: { status: number; body: unknown }) => void = () => undefined;
  const answered = new Promise<{ status: number; body: unknown }>((resolve) => (answer = resolve));
  let status = 0;
  const response = {
    status: (s: number) => ((status = s), response),
    json: (body: unknown) => {
      events.push('answered');
      answer({ status, body });
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ user, method: 'POST', originalUrl: PATH, route: { path: ROUTE } }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  return { events, answered, host };
}

function log(events: string[], recorded: AccessRefusal[], fail = false) {
  return {
    record: async (refusal: AccessRefusal) => {
      if (fail) throw new Error('database unavailable');
      recorded.push(refusal);
      events.push('recorded');
    },
  } as unknown as AccessRefusalLog;
}

const mismatch = () => new DomainError('IDENTITY_MISMATCH', 'scanned another donor');

describe('RefusalRecordingFilter', () => {
  it('PRD-06 records who was refused, what and by which rule before answering the refusal', async () => {
    const { events, answered, host } = exchange(operator);
    const recorded: AccessRefusal[] = [];
    new RefusalRecordingFilter(log(events, recorded)).catch(mismatch(), host);
    expect(await answered).toEqual({
      status: 409,
      body: { code: 'IDENTITY_MISMATCH', message: 'scanned another donor', details: {} },
    });
    expect(events).toEqual(['recorded', 'answered']);
    expect(recorded).toEqual([
      {
        username: 'operator',
        role: 'operator',
        method: 'POST',
        path: PATH,
        status: 409,
        code: 'IDENTITY_MISMATCH',
        reason: 'scanned another donor',
      },
    ]);
  });

  it('counts the refusal once by its rule and route pattern, recorded and answered', async () => {
    gmpRefusals.reset();
    const { answered, host } = exchange(operator);
    new RefusalRecordingFilter(log([], [])).catch(mismatch(), host);
    await answered;
    expect((await gmpRefusals.get()).values).toEqual([
      { labels: { rule: 'IDENTITY_MISMATCH', route: ROUTE }, value: 1 },
    ]);
  });

  it('still answers the refusal when its record cannot be written, and logs the loss', async () => {
    const lost = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { answered, host } = exchange(operator);
    new RefusalRecordingFilter(log([], [], true)).catch(mismatch(), host);
    expect((await answered).status).toBe(409);
    expect(lost).toHaveBeenCalledWith('refusal not recorded: database unavailable');
    lost.mockRestore();
  });

  it('leaves an unauthenticated request to the guards that record it', async () => {
    const { events, answered, host } = exchange(undefined);
    const recorded: AccessRefusal[] = [];
    new RefusalRecordingFilter(log(events, recorded)).catch(mismatch(), host);
    expect((await answered).status).toBe(409);
    expect(recorded).toEqual([]);
  });
});
