import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CUSTODY_LEGS, DomainError } from '@v2v/contracts';
import { TemperatureReadingRepository } from './temperature-reading.repository';
import { requireBoundLogger, requireReadingsSinceCollection } from './telemetry-rules';

/** Internal read API: a journey's stored logger readings per leg, and the flagged conflicts. */
@Controller('internal/temperature-readings')
export class TemperatureReadingsController {
  constructor(private readonly readings: TemperatureReadingRepository) {}

  @Get(':donorCode')
  async list(@Param('donorCode') donorCode: string, @Query('leg') leg?: string) {
    const [rows, conflicts] = await Promise.all([
      this.readings.list(donorCode, leg),
      this.readings.conflicts(donorCode, leg),
    ]);
    return {
      donorCode,
      count: rows.length,
      readings: rows.map((r) => ({
        leg: r.leg,
        loggerId: r.loggerId,
        measuredAt: r.measuredAt.toISOString(),
        temperatureC: Number(r.temperatureC),
      })),
      // GEN-01: readings that contradict a stored one, flagged, never dropped.
      conflicts: conflicts.map((c) => ({
        leg: c.leg,
        loggerId: c.loggerId,
        measuredAt: c.measuredAt.toISOString(),
        temperatureC: Number(c.temperatureC),
        storedTemperatureC: Number(c.storedTemperatureC),
        eventId: c.eventId,
        uploadedBy: c.uploadedBy,
        flaggedAt: c.flaggedAt.toISOString(),
      })),
    };
  }

  /**
   * GEN-01: whether an upload from this logger may be accepted for the leg now (the gateway asks
   * before it takes the upload): refused when the leg's hand-over named another logger, or when
   * its earliest reading predates the material's collection.
   */
  @Post(':donorCode/admission')
  @HttpCode(204)
  async admission(
    @Param('donorCode') donorCode: string,
    @Body()
    body: { leg?: string; loggerId?: string; uploadedBy?: string; earliestMeasuredAt?: string },
  ): Promise<void> {
    const { leg, loggerId, earliestMeasuredAt } = body;
    if (!leg || !(CUSTODY_LEGS as readonly string[]).includes(leg) || !loggerId) {
      throw new DomainError('VALIDATION_FAILED', 'leg and loggerId are required');
    }
    if (earliestMeasuredAt !== undefined && Number.isNaN(Date.parse(earliestMeasuredAt))) {
      throw new DomainError('VALIDATION_FAILED', 'earliestMeasuredAt is not a date and time');
    }
    const binding = await this.readings.currentBinding(donorCode, leg);
    requireBoundLogger(binding, { donorCode, leg, loggerId, uploadedBy: body.uploadedBy });
    if (earliestMeasuredAt !== undefined) {
      requireReadingsSinceCollection(await this.readings.firstCollectedAt(donorCode), {
        donorCode,
        loggerId,
        readings: [{ measuredAt: earliestMeasuredAt }],
      });
    }
  }
}
