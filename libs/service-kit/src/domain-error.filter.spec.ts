import type { ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@v2v/contracts';
import { DomainErrorFilter } from './domain-error.filter';

function answer(error: unknown) {
  const sent: { status?: number; body?: unknown; headers?: Record<string, string> } = {};
  const response = {
    setHeader: (name: string, value: string) => {
      sent.headers = { ...sent.headers, [name]: value };
    },
    status: (status: number) => {
      sent.status = status;
      return response;
    },
    json: (body: unknown) => {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({}) }),
  } as ArgumentsHost;
  new DomainErrorFilter().catch(error, host);
  return sent;
}

describe('DomainErrorFilter', () => {
  it("answers the body parser's too-large refusal 413, not 500", () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      type: 'entity.too.large',
      status: 413,
      limit: 102400,
    });
    expect(answer(tooLarge)).toEqual({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('102400 bytes') },
    });
  });

  it('answers a service too busy to answer 503 with its Retry-After', () => {
    const busy = new DomainError('SERVICE_UNAVAILABLE', 'retry in 5 s', { retryAfterSeconds: 5 });
    expect(answer(busy)).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
  });

  it('answers a request that met PostgreSQL away 503 with a Retry-After, not 500', () => {
    const shutDown = Object.assign(new Error('QueryFailedError'), {
      driverError: { code: '57P01' },
    });
    for (const away of [
      shutDown,
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:55432'), { code: 'ECONNREFUSED' }),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(answer(away)).toEqual({
        status: 503,
        headers: { 'Retry-After': '5' },
        body: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
      });
    }
  });

  it('answers an unexpected error 500 without its detail', () => {
    expect(answer(new Error('connection reset'))).toEqual({
      status: 500,
      body: { code: 'INTERNAL', message: 'internal error' },
    });
  });
});
