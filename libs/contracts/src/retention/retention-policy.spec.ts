import {
  assertRetentionElapsed,
  batchRecordRetainedUntil,
  traceabilityRetainedUntil,
} from './retention-policy';

describe('retention (QA-03)', () => {
  it('QA-03 keeps traceability records 30 years', () => {
    expect(traceabilityRetainedUntil(new Date('2026-11-25T10:00:00Z')).toISOString()).toBe(
      '2056-11-25T10:00:00.000Z',
    );
  });

  it('QA-03 keeps batch records until product expiry + 5 years, and forever while expiry is unknown', () => {
    expect(batchRecordRetainedUntil(new Date('2027-11-25T00:00:00Z'))?.toISOString()).toBe(
      '2032-11-25T00:00:00.000Z',
    );
    expect(batchRecordRetainedUntil(null)).toBeNull();
  });

  it('QA-03 refuses a delete before the end of retention, naming the date', () => {
    expect(() =>
      assertRetentionElapsed(
        'donor X',
        new Date('2056-11-25T00:00:00Z'),
        new Date('2026-11-25T00:00:00Z'),
      ),
    ).toThrow(
      expect.objectContaining({ code: 'QA-03', message: expect.stringContaining('2056-11-25') }),
    );
    expect(() => assertRetentionElapsed('batch B', null, new Date())).toThrow(
      expect.objectContaining({ code: 'QA-03' }),
    );
  });

  it('QA-03 allows a delete once retention has elapsed', () => {
    expect(() =>
      assertRetentionElapsed(
        'donor X',
        new Date('2026-11-24T00:00:00Z'),
        new Date('2026-11-25T00:00:00Z'),
      ),
    ).not.toThrow();
  });
});
