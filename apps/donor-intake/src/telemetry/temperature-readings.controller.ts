import { Controller, Get, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Internal read API: a journey's stored logger readings, per leg. */
@Controller('internal/temperature-readings')
export class TemperatureReadingsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':donorCode')
  async list(@Param('donorCode') donorCode: string, @Query('leg') leg?: string) {
    const rows: Array<{ leg: string; loggerId: string; measuredAt: Date; temperatureC: string }> =
      await this.dataSource.query(
        `SELECT "leg", "logger_id" AS "loggerId", "measured_at" AS "measuredAt", "temperature_c" AS "temperatureC"
         FROM "donor_intake"."temperature_reading" WHERE "donor_code" = $1 AND ($2::text IS NULL OR "leg" = $2)
        ORDER BY "leg", "measured_at"`,
        [donorCode, leg ?? null],
      );
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
