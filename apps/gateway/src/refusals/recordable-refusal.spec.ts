import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { ZodError } from 'zod';
import { DomainError } from '@v2v/contracts';
import { ConcealedRefusal } from './concealed-refusal';
import { recordableRefusal } from './recordable-refusal';
import { RecordedRefusal } from './recorded-refusal';

describe('recordableRefusal', () => {
  it.each([
    ['IDENTITY_MISMATCH', 409],
    ['STEP_OUT_OF_ORDER', 409],
    ['DON-04', 409],
    ['PER-01', 403],
    ['CSV-02', 403],
    ['TRC-02', 400],
    ['CSV-01', 400],
    ['NOT_FOUND', 404],
  ] as const)('PRD-06 CSV-03 records a %s refusal with its code and status %i', (code, status) => {
    expect(recordableRefusal(new DomainError(code, `refused by ${code}`))).toEqual({
      status,
      code,
      reason: `refused by ${code}`,
    });
  });

  it('CSV-03 records the reason a concealed refusal keeps from the user', () => {
    const refusal = new ConcealedRefusal(
      'NOT_FOUND',
      'no journey for donor code X',
      'the donor code is registered to INST-001, the user belongs to INST-002',
    );
    expect(recordableRefusal(refusal)).toEqual({
      status: 404,
      code: 'NOT_FOUND',
      reason: 'the donor code is registered to INST-001, the user belongs to INST-002',
    });
  });

  it('records once a refusal its thrower already recorded', () => {
    const recorded = new RecordedRefusal(new DomainError('PER-01', 'training expired'));
    expect(recorded).toMatchObject({ code: 'PER-01', message: 'training expired' });
    expect(recordableRefusal(recorded)).toBeUndefined();
  });

  it('records no schema validation failure, no unavailable service and no HttpException', () => {
    expect(recordableRefusal(new DomainError('VALIDATION_FAILED', 'bad body'))).toBeUndefined();
    expect(recordableRefusal(new ZodError([]))).toBeUndefined();
    expect(
      recordableRefusal(new BadRequestException({ code: 'VALIDATION_FAILED' })),
    ).toBeUndefined();
    expect(recordableRefusal(new DomainError('SERVICE_UNAVAILABLE', 'down'))).toBeUndefined();
    expect(recordableRefusal(new ForbiddenException({ code: 'FORBIDDEN_ROLE' }))).toBeUndefined();
    expect(recordableRefusal(new Error('boom'))).toBeUndefined();
  });
});
