import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CustodyLegBinding, LoggedReading } from '@v2v/contracts';

export interface TemperatureReadingRow {
  leg: string;
  loggerId: string;
  measuredAt: Date;
  temperatureC: string;
}

export interface TemperatureReadingConflictRow extends TemperatureReadingRow {
  storedTemperatureC: string;
  eventId: string;
  uploadedBy: string | null;
  flaggedAt: Date;
}

export interface CustodyLegLoggerRow {
  legWorkflowId: string;
  leg: string;
  loggerId: string | null;
  minTemperatureC: string | null;
  maxTemperatureC: string | null;
  startedAt: Date;
}

export interface StoredReading {
  donorCode: string;
  leg: string;
  loggerId: string;
  measuredAt: string;
  temperatureC: number;
}

const readingId = (r: Omit<StoredReading, 'temperatureC'>) =>
  `${r.donorCode}/${r.leg}/${r.loggerId}/${r.measuredAt}`;

const BINDING_COLUMNS = `"leg_workflow_id" AS "legWorkflowId", "leg", "logger_id" AS "loggerId",
  "min_temperature_c" AS "minTemperatureC", "max_temperature_c" AS "maxTemperatureC",
  "started_at" AS "startedAt"`;

/** Which stored readings are a leg's: its code, leg, bound logger and hand-over. */
export type LegReadingsScope = Pick<
  CustodyLegBinding,
  'legWorkflowId' | 'donorCode' | 'leg' | 'loggerId' | 'startedAt'
>;

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

  /** The readings flagged as contradicting a stored one (GEN-01), per leg in time order. */
  conflicts(donorCode: string, leg?: string): Promise<TemperatureReadingConflictRow[]> {
    return this.dataSource.query(
      `SELECT c."leg", c."logger_id" AS "loggerId", c."measured_at" AS "measuredAt",
              c."temperature_c" AS "temperatureC", r."temperature_c" AS "storedTemperatureC",
              c."event_id" AS "eventId", c."uploaded_by" AS "uploadedBy", c."flagged_at" AS "flaggedAt"
         FROM "donor_intake"."temperature_reading_conflict" c
         JOIN "donor_intake"."temperature_reading" r ON r."reading_id" = c."reading_id"
        WHERE c."donor_code" = $1 AND ($2::text IS NULL OR c."leg" = $2)
        ORDER BY c."leg", c."measured_at", c."id"`,
      [donorCode, leg ?? null],
    );
  }

  /**
   * Serialises the writes of one code's leg (uploads and the leg's binding) until the
   * transaction ends: an upload cannot slip between a binding and its summary of stored readings.
   */
  async lockLeg(manager: EntityManager, donorCode: string, leg: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${donorCode}/${leg}`]);
  }

  /** When the code's material was first collected (of all its cycles), if it was. */
  async firstCollectedAt(
    donorCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const [row]: Array<{ at: Date | null }> = await manager.query(
      `SELECT min(("detail"->>'collectedAt')::timestamptz) AS "at" FROM "donor_intake"."step_record"
        WHERE "donor_code" = $1 AND "record_type" = 'collection'`,
      [donorCode],
    );
    return row?.at ? row.at.toISOString() : undefined;
  }

  /** The binding of the leg opened last for this code (a recollection opens a new one). */
  async currentBinding(
    donorCode: string,
    leg: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CustodyLegLoggerRow | undefined> {
    const rows: CustodyLegLoggerRow[] = await manager.query(
      `SELECT ${BINDING_COLUMNS} FROM "donor_intake"."custody_leg_logger"
        WHERE "donor_code" = $1 AND "leg" = $2 ORDER BY "bound_at" DESC LIMIT 1`,
      [donorCode, leg],
    );
    return rows[0];
  }

  /** Records a leg's binding once per leg workflow; a repeated activity finds it on record. */
  async bindOnce(manager: EntityManager, binding: CustodyLegBinding): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "donor_intake"."custody_leg_logger"
         ("leg_workflow_id", "journey_id", "donor_code", "leg", "logger_id", "started_at",
          "min_temperature_c", "max_temperature_c")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("leg_workflow_id") DO NOTHING RETURNING "leg_workflow_id"`,
      [
        binding.legWorkflowId,
        binding.journeyId,
        binding.donorCode,
        binding.leg,
        binding.loggerId ?? null,
        binding.startedAt,
        binding.temperatureRange?.minTemperatureC ?? null,
        binding.temperatureRange?.maxTemperatureC ?? null,
      ],
    );
    return inserted.length === 1;
  }

  /**
   * The readings stored for a leg before its binding, from its logger (any when none is bound).
   * A recollection's leg takes only those stored after the previous leg was bound and measured
   * since its own hand-over: it does not inherit the readings of the leg before it. A first leg
   * takes them all (scripted and late-entered hand-overs may be dated after the readings).
   */
  async storedForLeg(
    manager: EntityManager,
    binding: LegReadingsScope,
    { withConflicts } = { withConflicts: false },
  ): Promise<LoggedReading[]> {
    // QA-04: a contradicting value on record counts for the time out of range too.
    const conflicts = withConflicts
      ? `UNION ALL
         SELECT c."logger_id", c."measured_at", c."temperature_c", r."stored_at"
           FROM "donor_intake"."temperature_reading_conflict" c
           JOIN "donor_intake"."temperature_reading" r ON r."reading_id" = c."reading_id"
          WHERE c."donor_code" = $1 AND c."leg" = $2`
      : '';
    const rows: TemperatureReadingRow[] = await manager.query(
      `WITH "previous" AS (
         SELECT max("bound_at") AS "bound_at" FROM "donor_intake"."custody_leg_logger"
          WHERE "donor_code" = $1 AND "leg" = $2 AND "leg_workflow_id" <> $4),
       "leg_reading" AS (
         SELECT "logger_id", "measured_at", "temperature_c", "stored_at"
           FROM "donor_intake"."temperature_reading" WHERE "donor_code" = $1 AND "leg" = $2
         ${conflicts})
       SELECT "logger_id" AS "loggerId", "measured_at" AS "measuredAt", "temperature_c" AS "temperatureC"
         FROM "leg_reading", "previous"
        WHERE ($3::text IS NULL OR "logger_id" = $3)
          AND ("previous"."bound_at" IS NULL
               OR ("stored_at" > "previous"."bound_at" AND "measured_at" >= $5))`,
      [
        binding.donorCode,
        binding.leg,
        binding.loggerId ?? null,
        binding.legWorkflowId,
        binding.startedAt,
      ],
    );
    return rows.map((r) => ({
      loggerId: r.loggerId,
      measuredAt: r.measuredAt.toISOString(),
      temperatureC: Number(r.temperatureC),
    }));
  }

  /**
   * Stores one reading, once: its id is code, leg, logger and measurement time. Answers the
   * temperature already stored under that id when there was one (nothing is written then).
   */
  async insertOnce(
    manager: EntityManager,
    reading: StoredReading,
  ): Promise<{ temperatureC: number } | undefined> {
    const id = readingId(reading);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "donor_intake"."temperature_reading" ("reading_id", "donor_code", "leg", "logger_id", "measured_at", "temperature_c")
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT ("reading_id") DO NOTHING RETURNING "reading_id"`,
      [
        id,
        reading.donorCode,
        reading.leg,
        reading.loggerId,
        reading.measuredAt,
        reading.temperatureC,
      ],
    );
    if (inserted.length === 1) return undefined;
    const stored: Array<{ temperatureC: string }> = await manager.query(
      `SELECT "temperature_c" AS "temperatureC" FROM "donor_intake"."temperature_reading" WHERE "reading_id" = $1`,
      [id],
    );
    return { temperatureC: Number(stored[0].temperatureC) };
  }

  /**
   * Flags a reading that contradicts the stored one (GEN-01); the same contradicting value sent
   * again is one flag. True when it was flagged now.
   */
  async flagConflict(
    manager: EntityManager,
    reading: StoredReading,
    source: { eventId: string; uploadedBy?: string },
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "donor_intake"."temperature_reading_conflict"
         ("reading_id", "donor_code", "leg", "logger_id", "measured_at", "temperature_c", "event_id", "uploaded_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("reading_id", "temperature_c") DO NOTHING RETURNING "id"`,
      [
        readingId(reading),
        reading.donorCode,
        reading.leg,
        reading.loggerId,
        reading.measuredAt,
        reading.temperatureC,
        source.eventId,
        source.uploadedBy ?? null,
      ],
    );
    return inserted.length === 1;
  }
}
