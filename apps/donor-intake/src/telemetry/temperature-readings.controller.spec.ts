import { TemperatureReadingRepository } from './temperature-reading.repository';
import { TemperatureReadingsController } from './temperature-readings.controller';

const collectedAt = '2026-12-01T08:00:00.000Z';
const readings = {
  currentBinding: async () => undefined,
  firstCollectedAt: async () => collectedAt,
} as unknown as TemperatureReadingRepository;
const admit = (earliestMeasuredAt?: string) =>
  new TemperatureReadingsController(readings).admission('CODE-1', {
    leg: 'transport-to-factory',
    loggerId: 'LOGGER-7',
    ...(earliestMeasuredAt === undefined ? {} : { earliestMeasuredAt }),
  });

describe('the admission of an upload', () => {
  it('GEN-01 refuses an upload whose earliest reading predates the collection', async () => {
    await expect(admit('2026-12-01T07:59:00Z')).rejects.toMatchObject({ code: 'GEN-01' });
    await expect(admit('2026-12-01T08:01:00Z')).resolves.toBeUndefined();
  });

  it('refuses an earliest reading that is no date and time, rather than admitting it', async () => {
    await expect(admit('yesterday')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'earliestMeasuredAt is not a date and time',
    });
  });
});
