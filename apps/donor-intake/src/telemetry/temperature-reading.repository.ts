import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

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

  /** Stores one reading, once: its id is code, leg, logger and measurement time. */
  async insertOnce(
    manager: EntityManager,
    reading: {
      donorCode: string;
      leg: string;
      loggerId: string;
      measuredAt: string;
      temperatureC: number;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "donor_intake"."temperature_reading" ("reading_id", "donor_code", "leg", "logger_id", "measured_at", "temperature_c")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("reading_id") DO NOTHING`,
      [
        `${reading.donorCode}/${reading.leg}/${reading.loggerId}/${reading.measuredAt}`,
        reading.donorCode,
        reading.leg,
        reading.loggerId,
        reading.measuredAt,
        reading.temperatureC,
      ],
    );
  }
}
