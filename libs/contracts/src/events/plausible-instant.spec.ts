import { temperatureReadingsSchema } from '../custody/temperature-telemetry';
import { eventEnvelopeSchema } from './event-envelope';
import { instantImplausibility, plausibleInstant } from './plausible-instant';

const receivedAt = Date.parse('2026-12-01T10:00:00Z');

describe('plausible instants', () => {
  it('GEN-01 refuses an instant before 2000-01-01 (a logger whose clock was never set)', () => {
    expect(instantImplausibility('0000-01-01T00:00:00Z', { receivedAt })).toBe(
      '0000-01-01T00:00:00Z is before 2000-01-01T00:00:00Z',
    );
    expect(instantImplausibility('1999-12-31T23:59:59Z', { receivedAt })).toBeDefined();
    expect(instantImplausibility('2000-01-01T00:00:00Z', { receivedAt })).toBeUndefined();
  });

  it('GEN-01 refuses an instant more than 5 minutes after receipt, and allows clock skew within it', () => {
    expect(instantImplausibility('2026-12-01T10:04:59Z', { receivedAt })).toBeUndefined();
    expect(instantImplausibility('2026-12-01T10:05:01Z', { receivedAt })).toBe(
      '2026-12-01T10:05:01Z is more than 5 minutes after receipt (2026-12-01T10:00:00.000Z)',
    );
    expect(
      instantImplausibility('2027-01-01T00:00:00Z', { receivedAt, notAfter: false }),
    ).toBeUndefined();
  });

  it('GEN-01 refuses an instant before a known start (a reading before its leg began)', () => {
    const notBefore = '2026-12-01T08:00:00Z';
    expect(instantImplausibility('2026-12-01T07:59:00Z', { receivedAt, notBefore })).toBe(
      '2026-12-01T07:59:00Z is before 2026-12-01T08:00:00Z',
    );
    expect(instantImplausibility('2026-12-01T08:00:00Z', { receivedAt, notBefore })).toBe(
      undefined,
    );
  });

  it('GEN-01 names the field of a logger upload dated year 0', () => {
    const result = temperatureReadingsSchema.safeParse({
      loggerId: 'LOGGER-1',
      donorCode: 'not-checked-here',
      leg: 'transport-to-factory',
      readings: [{ measuredAt: '0000-01-01T00:00:00Z', temperatureC: 5 }],
    });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === 'readings.0.measuredAt');
    expect(issue?.message).toBe(
      'implausible instant: 0000-01-01T00:00:00Z is before 2000-01-01T00:00:00Z (GEN-01)',
    );
  });

  it('GEN-01 refuses a logger reading dated ahead of receipt beyond the clock skew', () => {
    const upload = (measuredAt: string) =>
      temperatureReadingsSchema.safeParse({
        loggerId: 'LOGGER-1',
        donorCode: 'not-checked-here',
        leg: 'transport-to-factory',
        readings: [{ measuredAt, temperatureC: 5 }],
      });
    const ahead = upload(new Date(Date.now() + 3 * 86_400_000).toISOString());
    expect(ahead.success).toBe(false);
    expect(
      ahead.error!.issues.find((i) => i.path.join('.') === 'readings.0.measuredAt')?.message,
    ).toMatch(/implausible instant: .* is more than 5 minutes after receipt .*\(GEN-01\)/);
    const withinSkew = upload(new Date(Date.now() + 60_000).toISOString());
    expect(
      withinSkew.error?.issues.filter((i) => i.path.join('.') === 'readings.0.measuredAt') ?? [],
    ).toEqual([]);
  });

  it('CSV-04 keeps an event whose producer clock is impossible out of the consumer (set aside)', () => {
    const envelope = {
      id: '6f1c2f7e-8a53-4a56-9d1f-2b7c1a0e9f11',
      aggregateType: 'journey',
      aggregateId: 'A',
      messageType: 'donor-material.collected.v1',
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      payload: {},
      metadata: { producer: 'it' },
    };
    expect(eventEnvelopeSchema.safeParse(envelope).success).toBe(false);
    const now = { ...envelope, occurredAt: new Date().toISOString() };
    expect(eventEnvelopeSchema.safeParse(now).success).toBe(true);
    expect(plausibleInstant().safeParse('not a date').success).toBe(false);
  });
});

describe('plausibleInstant', () => {
  it('GEN-01 names a value that is no date and time once, by its format', () => {
    const result = plausibleInstant().safeParse('yesterday');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
  });
});
