import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface TemperatureReadingRow {
  leg: string;
  loggerId: string;
  measuredAt: Date;
  temperatureC: string;
}

@Injectable()
export class TemperatureReadingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A journey's stored logger readings, per leg in time order; every leg when `leg` is absent. */
  list(donorCode: string, leg?: string): Promise<TemperatureReadingRow[]> {
    return this.dataSource.query(
      `SELECT "leg", "logger_id" AS "loggerId", "measured_at" AS "measuredAt", "temperature_c" AS "temperatureC"
         FROM "donor_intake"."temperature_reading" WHERE "donor_code" = $1 AND ($2::text IS NULL OR "leg" = $2)
        ORDER BY "leg", "measured_at"`,
      [donorCode, leg ?? null],
    );
  }
}
