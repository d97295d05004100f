import { Controller, Get, Param, Query } from '@nestjs/common';
import { TemperatureReadingRepository } from './temperature-reading.repository';

/** Internal read API: a journey's stored logger readings, per leg. */
@Controller('internal/temperature-readings')
export class TemperatureReadingsController {
  constructor(private readonly readings: TemperatureReadingRepository) {}

  @Get(':donorCode')
  async list(@Param('donorCode') donorCode: string, @Query('leg') leg?: string) {
    const rows = await this.readings.list(donorCode, leg);
    return {
      donorCode,
      count: rows.length,
      readings: rows.map((r) => ({
        leg: r.leg,
        loggerId: r.loggerId,
        measuredAt: r.measuredAt.toISOString(),
        temperatureC: Number(r.temperatureC),
      })),
    };
  }
}
