import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CustodyLeg } from '@v2v/contracts';
import type { StorageUnit } from './storage-segregation.rules';
import type { TemperatureReading } from './receipt-inspection.rules';

const S = '"donor_intake"';

/**
 * Reads what donor-intake has recorded about one donor's material. "Current cycle" records
 * are those since the latest collection booking, so a recollection is judged on its own unit.
 */
export class MaterialRecords {
  constructor(
    private readonly manager: EntityManager,
    private readonly donorCode: string,
  ) {}

  /** The latest record of a type (in the current cycle unless `anyCycle`). */
  async latest<T = Record<string, unknown>>(
    recordType: string,
    options: { anyCycle?: boolean } = {},
  ): Promise<(T & { recordedAt: string }) | undefined> {
    const rows: Array<{ detail: T; recorded_at: Date }> = await this.manager.query(
      `SELECT "detail", "recorded_at" FROM ${S}."step_record" r
        WHERE "donor_code" = $1 AND "record_type" = $2
          AND ($3 OR "recorded_at" >= COALESCE((SELECT MAX("recorded_at") FROM ${S}."step_record"
                 WHERE "donor_code" = $1 AND "record_type" = 'collection-schedule'), '-infinity'))
        ORDER BY "recorded_at" DESC LIMIT 1`,
      [this.donorCode, recordType, options.anyCycle ?? false],
    );
    return rows[0] && { ...rows[0].detail, recordedAt: rows[0].recorded_at.toISOString() };
  }

  async readings(leg: CustodyLeg, since: string): Promise<TemperatureReading[]> {
    const rows: Array<{ measured_at: Date; temperature_c: string }> = await this.manager.query(
      `SELECT "measured_at", "temperature_c" FROM ${S}."temperature_reading"
        WHERE "donor_code" = $1 AND "leg" = $2 AND "measured_at" >= $3::timestamptz - interval '1 day' ORDER BY "measured_at"`,
      [this.donorCode, leg, since],
    );
    return rows.map((r) => ({
      at: r.measured_at.toISOString(),
      temperatureC: Number(r.temperature_c),
    }));
  }

  /** Deviations raised for this donor's material and not yet closed by QA. */
  async openDeviations(): Promise<Array<{ deviationId: string; description: string }>> {
    return this.manager.query(
      `SELECT r."event_id" AS "deviationId", r."summary" AS "description" FROM ${S}."step_record" r
        WHERE r."donor_code" = $1 AND r."record_type" = 'deviation'
          AND NOT EXISTS (SELECT 1 FROM ${S}."deviation_closure" c WHERE c."deviation_id" = r."event_id")
        ORDER BY r."recorded_at"`,
      [this.donorCode],
    );
  }

  /** Deviations raised on a leg since it started (the leg's timer or an excursion). */
  async legDeviations(leg: CustodyLeg, since: string): Promise<string[]> {
    const rows: Array<{ summary: string }> = await this.manager.query(
      `SELECT "summary" FROM ${S}."step_record"
        WHERE "donor_code" = $1 AND "record_type" = 'deviation' AND "detail"->>'leg' = $2 AND "recorded_at" >= $3
        ORDER BY "recorded_at"`,
      [this.donorCode, leg, since],
    );
    return rows.map((r) => r.summary);
  }

  async storageUnit(id: string): Promise<StorageUnit | undefined> {
    const rows: StorageUnit[] = await this.manager.query(
      `SELECT "id", "description", "segregation" FROM ${S}."storage_unit" WHERE "id" = $1`,
      [id],
    );
    return rows[0];
  }
}

/** Donor-intake's records of donor material, read per donor. */
@Injectable()
export class MaterialRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  forDonor(donorCode: string, manager: EntityManager = this.dataSource.manager): MaterialRecords {
    return new MaterialRecords(manager, donorCode);
  }
}
