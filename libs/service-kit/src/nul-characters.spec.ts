import type { ExecutionContext } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import { NulCharacterGuard } from './nul-characters';

function request(parts: { params?: object; query?: object; body?: unknown }): ExecutionContext {
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => ({ params: {}, query: {}, ...parts }) }),
  } as unknown as ExecutionContext;
}

function refusal(context: ExecutionContext): unknown {
  try {
    new NulCharacterGuard().canActivate(context);
  } catch (error) {
    return (error as BadRequestException).getResponse();
  }
  throw new Error('not refused');
}

describe('NulCharacterGuard', () => {
  it('refuses a path parameter with U+0000 as VALIDATION_FAILED naming it', () => {
    expect(refusal(request({ params: { roomCode: 'R\u00001' } }))).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'the request is invalid',
      fieldErrors: [
        {
          path: 'path.roomCode',
          message: 'contains a NUL character (U+0000), which no record can hold',
        },
      ],
    });
  });

  it('refuses a query value and a body field, each by its name', () => {
    expect(refusal(request({ query: { shift: '\u0000' } }))).toMatchObject({
      fieldErrors: [{ path: 'query.shift' }],
    });
    expect(refusal(request({ body: { reason: 'x\u0000' } }))).toMatchObject({
      fieldErrors: [{ path: 'reason' }],
    });
  });

  it('lets a clean request through', () => {
    const clean = request({ params: { roomCode: 'R1' }, query: {}, body: { reason: '说明' } });
    expect(new NulCharacterGuard().canActivate(clean)).toBe(true);
  });
});
