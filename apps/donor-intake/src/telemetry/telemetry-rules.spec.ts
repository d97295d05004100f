import { DomainError } from '@v2v/contracts';
import {
  classifyReading,
  requireBoundLogger,
  requireReadingsSinceCollection,
  summariseForLeg,
} from './telemetry-rules';

const upload = { donorCode: 'CODE-1', leg: 'transport-to-factory', loggerId: 'LOGGER-7' };

describe('telemetry rules', () => {
  it('GEN-01 refuses an upload with a reading before the material was collected, naming it', () => {
    const collectedAt = '2026-12-01T08:00:00.000Z';
    const readings = (...at: string[]) => ({
      donorCode: 'CODE-1',
      loggerId: 'LOGGER-7',
      readings: at.map((measuredAt) => ({ measuredAt })),
    });
    expect(() =>
      requireReadingsSinceCollection(
        collectedAt,
        readings('2026-12-01T09:00:00Z', '2000-01-01T00:00:00Z'),
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'GEN-01',
        message: expect.stringContaining(
          "reading at 2000-01-01T00:00:00Z is before CODE-1's material was collected (2026-12-01T08:00:00.000Z)",
        ),
      }),
    );
    expect(() =>
      requireReadingsSinceCollection(collectedAt, readings(collectedAt, '2026-12-01T09:00:00Z')),
    ).not.toThrow();
    expect(() =>
      requireReadingsSinceCollection(undefined, readings('2000-01-01T00:00:00Z')),
    ).not.toThrow();
  });

  it('GEN-01 refuses an upload from a logger other than the one the hand-over named', () => {
    const refusal = (() => {
      try {
        requireBoundLogger(
          { leg: 'transport-to-factory', loggerId: 'LOGGER-1' },
          { ...upload, uploadedBy: 'data-logger' },
        );
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'GEN-01',
      details: { loggerId: 'LOGGER-7', boundLoggerId: 'LOGGER-1' },
    });
    expect((refusal as DomainError).message).toMatch(/LOGGER-7, sent by data-logger,.*LOGGER-1/);
    expect((refusal as DomainError).message).toMatch(/\(GEN-01\)$/);
  });

  it('GEN-01 accepts the bound logger, a leg not yet opened and a hand-over that named none', () => {
    expect(() =>
      requireBoundLogger({ leg: 'transport-to-factory', loggerId: 'LOGGER-7' }, upload),
    ).not.toThrow();
    expect(() => requireBoundLogger(undefined, upload)).not.toThrow();
    expect(() =>
      requireBoundLogger({ leg: 'transport-to-factory', loggerId: null }, upload),
    ).not.toThrow();
  });

  it('GEN-01 flags a reading with another temperature at a stored time as a conflict', () => {
    expect(classifyReading({ temperatureC: 5 }, { temperatureC: 5.4 })).toBe('conflict');
  });

  it('GEN-01 treats the same temperature at a stored time as a duplicate, at stored precision', () => {
    expect(classifyReading({ temperatureC: 5.4 }, { temperatureC: 5.4 })).toBe('duplicate');
    expect(classifyReading({ temperatureC: 5.4 }, { temperatureC: 5.401 })).toBe('duplicate');
    expect(classifyReading(undefined, { temperatureC: 5.4 })).toBe('new');
  });

  it('QA-04 tells the leg the new readings with the time out of range of all its stored ones', () => {
    const range = { minTemperatureC: 2, maxTemperatureC: 8 };
    const at = (m: number) => new Date(Date.UTC(2026, 11, 1, 8, m)).toISOString();
    const r = (m: number, temperatureC: number) => ({
      loggerId: 'LOGGER-7',
      measuredAt: at(m),
      temperatureC,
    });
    const stored = [r(0, 9), r(5, 9), r(10, 5), r(20, 5)];
    expect(summariseForLeg([r(20, 5)], stored, range)).toEqual({
      count: 1,
      lastMeasuredAt: at(20),
      minutesOutOfRange: 10,
      worstExcursion: r(0, 9),
      storedReadings: 4,
    });
    // Without a range nothing is out of it: the summary is as before budgets.
    expect(summariseForLeg([r(20, 5)], stored, undefined)).toEqual({
      count: 1,
      lastMeasuredAt: at(20),
    });
  });
});
