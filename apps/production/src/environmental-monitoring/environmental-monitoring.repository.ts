import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, CleanroomGrade, ImpactConclusion } from '@v2v/contracts';
import type {
  EmExcursion,
  EmResult,
  EmSession,
  ExposedBatch,
  ImpactAssessment,
} from './environmental-monitoring';

const S = '"production"';
type Row = Record<string, unknown>;
const iso = (v: unknown) => (v as Date).toISOString();
const actor = (userId: unknown, role: unknown) => ({ userId, role }) as Actor;
const num = (v: unknown) => (v === null ? null : Number(v));

const toResult = (r: Row): EmResult => ({
  resultId: r.result_id as string,
  sessionId: r.session_id as string,
  kind: r.kind as EmResult['kind'],
  unit: r.unit as string,
  zoneGrade: r.zone_grade as EmResult['zoneGrade'],
  sampleLocation: r.sample_location as string,
  value: Number(r.value),
  limit: num(r.limit_value),
  outcome: r.outcome as EmResult['outcome'],
  correctsResultId: (r.corrects_result_id as string | null) ?? null,
  correctionReason: (r.correction_reason as string | null) ?? null,
  recordedBy: actor(r.recorded_by, r.recorded_by_role),
  recordedAt: iso(r.recorded_at),
});

const toAssessment = (r: Row): ImpactAssessment => ({
  assessmentId: r.assessment_id as string,
  conclusion: r.conclusion as ImpactConclusion,
  rationale: r.rationale as string,
  signatureId: r.signature_id as string,
  assessedBy: actor(r.assessed_by, r.assessed_by_role),
  assessedAt: iso(r.assessed_at),
});

export interface NewResult extends Omit<EmResult, 'recordedAt'> {
  eventId: string;
  position: number;
}

/** A booking of the calendar overlapping a session, with the donor's batch in production. */
export type Exposure = Omit<ExposedBatch, 'assessment' | 'deviationId'>;

const EXCURSION_SELECT = `SELECT x."excursion_id", x."session_id", x."result_id", x."room_code", x."kind",
    x."microbial", x."opened_at", s."started_at", s."ended_at", r."zone_grade", r."sample_location",
    r."value", r."limit_value", o."genus", o."species", o."method", o."identified_by",
    o."identified_by_role", o."identified_at"
  FROM ${S}."em_excursion" x
  JOIN ${S}."em_session" s USING ("session_id")
  JOIN ${S}."em_result" r USING ("result_id")
  LEFT JOIN ${S}."em_organism_identification" o USING ("excursion_id")`;

/** Environmental monitoring's SQL: sessions, results, excursions and what follows them. */
@Injectable()
export class EnvironmentalMonitoringRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises the follow-ups of one excursion (identification, assessments) in a transaction. */
  async lockExcursion(manager: EntityManager, excursionId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('em_excursion:' || $1))`, [
      excursionId,
    ]);
  }

  async insertSession(
    manager: EntityManager,
    s: Omit<EmSession, 'results' | 'recordedAt'> & { eventId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."em_session" ("session_id", "event_id", "room_code", "room_grade",
         "occupancy_state", "started_at", "ended_at", "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        s.sessionId,
        s.eventId,
        s.roomCode,
        s.roomGrade,
        s.occupancyState,
        s.startedAt,
        s.endedAt,
        s.recordedBy.userId,
        s.recordedBy.role,
      ],
    );
  }

  async sessionIdOfEvent(eventId: string): Promise<string | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT "session_id" FROM ${S}."em_session" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0]?.session_id as string | undefined;
  }

  /** The session of results recorded under `eventId` (a later reading or a correction). */
  async sessionIdOfResultEvent(eventId: string): Promise<string | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT "session_id" FROM ${S}."em_result" WHERE "event_id" = $1 LIMIT 1`,
      [eventId],
    );
    return rows[0]?.session_id as string | undefined;
  }

  async sessions(
    filter: { sessionIds?: string[]; roomCode?: string; from?: string; to?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EmSession[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM ${S}."em_session"
        WHERE ($1::uuid[] IS NULL OR "session_id" = ANY($1)) AND ($2::text IS NULL OR "room_code" = $2)
          AND ($3::timestamptz IS NULL OR "ended_at" >= $3) AND ($4::timestamptz IS NULL OR "started_at" <= $4)
        ORDER BY "started_at" DESC, "session_id" LIMIT 500`,
      [filter.sessionIds ?? null, filter.roomCode ?? null, filter.from ?? null, filter.to ?? null],
    );
    if (!rows.length) return [];
    const results: Row[] = await manager.query(
      `SELECT * FROM ${S}."em_result" WHERE "session_id" = ANY($1) ORDER BY "recorded_at", "position"`,
      [rows.map((r) => r.session_id)],
    );
    return rows.map((r) => ({
      sessionId: r.session_id as string,
      roomCode: r.room_code as string,
      roomGrade: r.room_grade as CleanroomGrade,
      occupancyState: r.occupancy_state as EmSession['occupancyState'],
      startedAt: iso(r.started_at),
      endedAt: iso(r.ended_at),
      recordedBy: actor(r.recorded_by, r.recorded_by_role),
      recordedAt: iso(r.recorded_at),
      results: results.filter((x) => x.session_id === r.session_id).map(toResult),
    }));
  }

  /** A result with the result that corrected it, if any. */
  async result(
    manager: EntityManager,
    resultId: string,
  ): Promise<(EmResult & { correctedBy: string | undefined }) | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT r.*, (SELECT c."result_id" FROM ${S}."em_result" c WHERE c."corrects_result_id" = r."result_id") AS "corrected_by"
         FROM ${S}."em_result" r WHERE r."result_id" = $1`,
      [resultId],
    );
    return rows[0] && { ...toResult(rows[0]), correctedBy: rows[0].corrected_by as string };
  }

  async insertResult(manager: EntityManager, r: NewResult): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."em_result" ("result_id", "session_id", "event_id", "position", "kind", "unit",
         "zone_grade", "sample_location", "value", "limit_value", "outcome", "corrects_result_id",
         "correction_reason", "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        r.resultId,
        r.sessionId,
        r.eventId,
        r.position,
        r.kind,
        r.unit,
        r.zoneGrade,
        r.sampleLocation,
        r.value,
        r.limit,
        r.outcome,
        r.correctsResultId,
        r.correctionReason,
        r.recordedBy.userId,
        r.recordedBy.role,
      ],
    );
  }

  /** The excursion a result opened, if any. */
  async excursionIdOfResult(manager: EntityManager, resultId: string): Promise<string | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT "excursion_id" FROM ${S}."em_excursion" WHERE "result_id" = $1`,
      [resultId],
    );
    return rows[0]?.excursion_id as string | undefined;
  }

  /**
   * The batches in the room during the session: bookings of the production calendar
   * (`room_booking`, the calendar's table) that overlap it and were not cancelled, one per
   * donor code, with the donor's batch when it is in production.
   */
  async exposures(
    manager: EntityManager,
    roomCode: string,
    startedAt: string,
    endedAt: string,
  ): Promise<Exposure[]> {
    const rows: Row[] = await manager.query(
      `SELECT k."donor_code", min(k."product_code") AS "product_code",
              array_agg(k."booking_id"::text ORDER BY k."starts_at") AS "booking_ids", min(b."batch_number") AS "batch_number"
         FROM ${S}."room_booking" k
         LEFT JOIN ${S}."batch" b ON b."donor_code" = k."donor_code" AND b."status" = 'in-production'
        WHERE k."room_code" = $1 AND k."status" <> 'cancelled'
          AND k."starts_at" < $3 AND k."ends_at" > $2
        GROUP BY k."donor_code" ORDER BY k."donor_code"`,
      [roomCode, startedAt, endedAt],
    );
    return rows.map((r) => ({
      donorCode: r.donor_code as string,
      productCode: r.product_code as string,
      bookingIds: r.booking_ids as string[],
      batchNumber: (r.batch_number as string | null) ?? null,
    }));
  }

  async insertExcursion(
    manager: EntityManager,
    x: Pick<
      EmExcursion,
      'excursionId' | 'sessionId' | 'resultId' | 'roomCode' | 'kind' | 'microbial'
    >,
    exposed: Array<Exposure & { deviation: { deviationId: string; description: string } }>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."em_excursion" ("excursion_id", "session_id", "result_id", "room_code", "kind", "microbial")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [x.excursionId, x.sessionId, x.resultId, x.roomCode, x.kind, x.microbial],
    );
    for (const e of exposed)
      await manager.query(
        `INSERT INTO ${S}."em_exposed_batch" ("excursion_id", "donor_code", "product_code", "booking_ids",
           "batch_number", "deviation_id", "deviation_description")
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          x.excursionId,
          e.donorCode,
          e.productCode,
          e.bookingIds,
          e.batchNumber,
          e.deviation.deviationId,
          e.deviation.description,
        ],
      );
  }

  /** Excursions, newest first: by id, of sessions, or those that exposed a donor's batch. */
  async excursions(
    filter: { excursionId?: string; sessionIds?: string[]; donorCode?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EmExcursion[]> {
    const rows: Row[] = await manager.query(
      `${EXCURSION_SELECT}
        WHERE ($1::uuid IS NULL OR x."excursion_id" = $1)
          AND ($2::uuid[] IS NULL OR x."session_id" = ANY($2))
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM ${S}."em_exposed_batch" e
                WHERE e."excursion_id" = x."excursion_id" AND e."donor_code" = $3))
        ORDER BY x."opened_at" DESC LIMIT 500`,
      [filter.excursionId ?? null, filter.sessionIds ?? null, filter.donorCode ?? null],
    );
    if (!rows.length) return [];
    const ids = rows.map((r) => r.excursion_id);
    const exposed: Row[] = await manager.query(
      `SELECT "excursion_id", "donor_code", "product_code", "booking_ids"::text[] AS "booking_ids", "batch_number",
              "deviation_id"
         FROM ${S}."em_exposed_batch" WHERE "excursion_id" = ANY($1) ORDER BY "donor_code"`,
      [ids],
    );
    // The latest assessment of each exposed batch: the one no other supersedes.
    const latest: Row[] = await manager.query(
      `SELECT a.* FROM ${S}."em_impact_assessment" a WHERE a."excursion_id" = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM ${S}."em_impact_assessment" n WHERE n."supersedes_assessment_id" = a."assessment_id")`,
      [ids],
    );
    return rows.map((r) => ({
      excursionId: r.excursion_id as string,
      sessionId: r.session_id as string,
      resultId: r.result_id as string,
      roomCode: r.room_code as string,
      sessionStartedAt: iso(r.started_at),
      sessionEndedAt: iso(r.ended_at),
      kind: r.kind as EmExcursion['kind'],
      microbial: r.microbial as boolean,
      zoneGrade: r.zone_grade as EmExcursion['zoneGrade'],
      sampleLocation: r.sample_location as string,
      value: Number(r.value),
      limit: Number(r.limit_value),
      openedAt: iso(r.opened_at),
      organism: r.genus
        ? {
            genus: r.genus as string,
            species: (r.species as string | null) ?? null,
            method: r.method as string,
            identifiedBy: actor(r.identified_by, r.identified_by_role),
            identifiedAt: iso(r.identified_at),
          }
        : null,
      exposedBatches: exposed
        .filter((e) => e.excursion_id === r.excursion_id)
        .map((e) => {
          const a = latest.find(
            (l) => l.excursion_id === r.excursion_id && l.donor_code === e.donor_code,
          );
          return {
            donorCode: e.donor_code as string,
            productCode: e.product_code as string,
            bookingIds: e.booking_ids as string[],
            batchNumber: (e.batch_number as string | null) ?? null,
            deviationId: (e.deviation_id as string | null) ?? null,
            assessment: a ? toAssessment(a) : null,
          };
        }),
    }));
  }

  async excursion(manager: EntityManager, excursionId: string): Promise<EmExcursion | undefined> {
    return (await this.excursions({ excursionId }, manager))[0];
  }

  /** The excursion whose follow-up (identification or assessment) carried `eventId`. */
  async excursionIdOfFollowUp(eventId: string): Promise<string | undefined> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT "excursion_id" FROM ${S}."em_organism_identification" WHERE "event_id" = $1
       UNION ALL SELECT "excursion_id" FROM ${S}."em_impact_assessment" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0]?.excursion_id as string | undefined;
  }

  async insertIdentification(
    manager: EntityManager,
    i: { identificationId: string; eventId: string; excursionId: string } & {
      genus: string;
      species: string | null;
      method: string;
      identifiedBy: Actor;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."em_organism_identification" ("identification_id", "event_id", "excursion_id",
         "genus", "species", "method", "identified_by", "identified_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        i.identificationId,
        i.eventId,
        i.excursionId,
        i.genus,
        i.species,
        i.method,
        i.identifiedBy.userId,
        i.identifiedBy.role,
      ],
    );
  }

  async insertAssessment(
    manager: EntityManager,
    a: Omit<ImpactAssessment, 'assessedAt'> & {
      eventId: string;
      excursionId: string;
      donorCode: string;
      supersedes: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."em_impact_assessment" ("assessment_id", "event_id", "excursion_id", "donor_code",
         "conclusion", "rationale", "signature_id", "supersedes_assessment_id", "assessed_by", "assessed_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        a.assessmentId,
        a.eventId,
        a.excursionId,
        a.donorCode,
        a.conclusion,
        a.rationale,
        a.signatureId,
        a.supersedes,
        a.assessedBy.userId,
        a.assessedBy.role,
      ],
    );
  }
}
