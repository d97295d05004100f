import { fieldErrorsByField, refusalOf } from './refusal';

describe('refusalOf', () => {
  it('keeps the rule ID, its sentence and the field errors of a zod refusal', () => {
    const refusal = refusalOf(400, {
      code: 'VALIDATION_FAILED',
      message: 'the request body is invalid',
      fieldErrors: [{ path: 'requestedCollectionDate', message: 'expected YYYY-MM-DD' }],
    });
    expect(refusal).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'the request body is invalid',
      fieldErrors: [{ path: 'requestedCollectionDate', message: 'expected YYYY-MM-DD' }],
    });
  });

  it("reads a use case's field errors from details", () => {
    const refusal = refusalOf(422, {
      code: 'DON-02',
      message: 'institution INST-009 is not approved (DON-02)',
      details: { fieldErrors: [{ path: 'institutionId', message: 'not approved' }] },
    });
    expect(refusal.code).toBe('DON-02');
    expect(fieldErrorsByField(refusal)).toEqual({ institutionId: 'not approved' });
  });

  it('keeps what the refusal names in its details, e.g. the earliest free manufacturing day', () => {
    const refusal = refusalOf(409, {
      code: 'NO_MANUFACTURING_SLOT',
      message: 'no production line (LINE-A) is free for 2 days starting between …',
      details: { earliestFreeStartOn: '2026-12-20', refusal: 'NO_MANUFACTURING_SLOT' },
    });
    expect(refusal.details?.earliestFreeStartOn).toBe('2026-12-20');
  });

  it('names the HTTP status when the body is not a refusal', () => {
    expect(refusalOf(502, 'Bad Gateway')).toEqual({
      status: 502,
      code: 'HTTP_502',
      message: '',
      fieldErrors: [],
    });
  });

  it('joins the field errors of one field, nested paths under their field', () => {
    const refusal = refusalOf(400, {
      code: 'VALIDATION_FAILED',
      message: 'invalid',
      fieldErrors: [
        { path: 'results.0.marker', message: 'unknown marker' },
        { path: 'results', message: 'at least one' },
        { path: 'x', message: 7 },
      ],
    });
    expect(fieldErrorsByField(refusal)).toEqual({ results: 'unknown marker; at least one' });
  });
});
