import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BatchDeviationNotice, BatchLabel, Role } from '@v2v/contracts';
import type {
  BatchRecordEntries,
  BatchStepRow,
  BatchUnderWay,
  DecontaminationRecord,
  NewBatchDeviation,
  NewBatchStepRow,
  PersonHazardStanding,
} from './batch-record';

const S = '"production"';

/** The completion, by the instant `$2`, of the step whose start row is `r`. */
const COMPLETED_BY_2 = `SELECT 1 FROM ${S}."batch_step_record" c
  WHERE c."batch_number" = r."batch_number" AND c."step_index" = r."step_index"
    AND c."kind" = 'completion' AND c."ended_at" <= $2`;

interface StepRecordRow {
  record_id: string;
  event_id: string;
  batch_number: string;
  donor_code: string;
  journey_id: string;
  step_id: string;
  step_index: number;
  kind: BatchStepRow['kind'];
  booking_id: string;
  room_code: string;
  area_code: string;
  equipment_code: string | null;
  line_code: string | null;
  shift_code: string;
  positive_material: boolean;
  operators: string[];
  started_at: Date;
  ended_at: Date | null;
  summary: string;
  payload: Record<string, unknown>;
  total_cell_count: string | null;
  recorded_by: string;
  recorded_by_role: Role;
  recorded_at: Date;
}

const toStep = (r: StepRecordRow): BatchStepRow => ({
  recordId: r.record_id,
  eventId: r.event_id,
  batchNumber: r.batch_number,
  donorCode: r.donor_code,
  journeyId: r.journey_id,
  stepId: r.step_id,
  stepIndex: r.step_index,
  kind: r.kind,
  bookingId: r.booking_id,
  roomCode: r.room_code,
  areaCode: r.area_code,
  equipmentCode: r.equipment_code,
  lineCode: r.line_code,
  shiftCode: r.shift_code,
  positiveMaterial: r.positive_material,
  operators: r.operators,
  startedAt: r.started_at.toISOString(),
  endedAt: r.ended_at?.toISOString() ?? null,
  summary: r.summary,
  payload: r.payload,
  // bigint arrives as text; cell counts stay far below 2^53.
  totalCellCount: r.total_cell_count === null ? null : Number(r.total_cell_count),
  recordedBy: { userId: r.recorded_by, role: r.recorded_by_role },
  recordedAt: r.recorded_at.toISOString(),
});

const LABEL_COLUMNS = `"label_id" AS "labelId", "step_id" AS "stepId", "container", "content"`;
const DEVIATION_COLUMNS = `"deviation_id" AS "deviationId", "step_id" AS "stepId", "rule", "message",
  to_char("raised_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "raisedAt"`;

/** The electronic batch record's SQL (steps, labels, deviations, decontaminations). */
@Injectable()
export class BatchRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The batch, locked: its steps are recorded one at a time. */
  async batchForUpdate(
    manager: EntityManager,
    batchNumber: string,
  ): Promise<BatchUnderWay | undefined> {
    const rows: BatchUnderWay[] = await manager.query(
      `SELECT "batch_number" AS "batchNumber", "donor_code" AS "donorCode", "journey_id" AS "journeyId",
              "product_code" AS "productCode", "process_version" AS "processVersion", "status"
         FROM ${S}."batch" WHERE "batch_number" = $1 FOR UPDATE`,
      [batchNumber],
    );
    return rows[0];
  }

  async stepByEvent(manager: EntityManager, eventId: string): Promise<BatchStepRow | undefined> {
    const rows: StepRecordRow[] = await manager.query(
      `SELECT * FROM ${S}."batch_step_record" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toStep(rows[0]);
  }

  /** Every start and completion of the batch, in the order of the steps. */
  async steps(manager: EntityManager, batchNumber: string): Promise<BatchStepRow[]> {
    const rows: StepRecordRow[] = await manager.query(
      `SELECT * FROM ${S}."batch_step_record" WHERE "batch_number" = $1
        ORDER BY "step_index", "kind" DESC`,
      [batchNumber],
    );
    return rows.map(toStep);
  }

  async insertStep(manager: EntityManager, r: NewBatchStepRow): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."batch_step_record" ("record_id", "event_id", "batch_number", "donor_code",
         "journey_id", "step_id", "step_index", "kind", "booking_id", "room_code", "area_code",
         "equipment_code", "line_code", "shift_code", "positive_material", "operators", "started_at",
         "ended_at", "summary", "payload", "total_cell_count", "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
         $20, $21, $22, $23)`,
      [
        r.recordId,
        r.eventId,
        r.batchNumber,
        r.donorCode,
        r.journeyId,
        r.stepId,
        r.stepIndex,
        r.kind,
        r.bookingId,
        r.roomCode,
        r.areaCode,
        r.equipmentCode,
        r.lineCode,
        r.shiftCode,
        r.positiveMaterial,
        r.operators,
        r.startedAt,
        r.endedAt,
        r.summary,
        JSON.stringify(r.payload),
        r.totalCellCount,
        r.recordedBy.userId,
        r.recordedBy.role,
      ],
    );
  }

  async insertLabels(
    manager: EntityManager,
    start: { recordId: string; batchNumber: string; stepIndex: number; generatedAt: string },
    labels: readonly BatchLabel[],
  ): Promise<void> {
    for (const l of labels)
      await manager.query(
        `INSERT INTO ${S}."batch_label" ("label_id", "batch_number", "step_id", "step_index",
           "container", "content", "generated_at", "start_record_id")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          l.labelId,
          start.batchNumber,
          l.stepId,
          start.stepIndex,
          l.container,
          l.content,
          start.generatedAt,
          start.recordId,
        ],
      );
  }

  /** The labels generated at a step's start. */
  async labelsOfStart(manager: EntityManager, startRecordId: string): Promise<BatchLabel[]> {
    return manager.query(
      `SELECT ${LABEL_COLUMNS} FROM ${S}."batch_label" WHERE "start_record_id" = $1 ORDER BY "label_id"`,
      [startRecordId],
    );
  }

  /** A label with its batch and donor code: the gateway renders it only on its own journey. */
  async label(
    labelId: string,
  ): Promise<(BatchLabel & { batchNumber: string; donorCode: string }) | undefined> {
    const rows: Array<BatchLabel & { batchNumber: string; donorCode: string }> =
      await this.dataSource.query(
        `SELECT ${LABEL_COLUMNS}, l."batch_number" AS "batchNumber", b."donor_code" AS "donorCode"
           FROM ${S}."batch_label" l JOIN ${S}."batch" b USING ("batch_number")
          WHERE l."label_id" = $1`,
        [labelId],
      );
    return rows[0];
  }

  /**
   * Records the deviations an event raised; one already on record for the same batch, step,
   * rule and message is not raised again. Returns those of the event.
   */
  async raiseDeviations(
    manager: EntityManager,
    event: { eventId: string; batchNumber: string; donorCode: string; raisedAt: string },
    deviations: readonly NewBatchDeviation[],
  ): Promise<BatchDeviationNotice[]> {
    for (const d of deviations)
      await manager.query(
        `INSERT INTO ${S}."batch_deviation" ("deviation_id", "batch_number", "donor_code", "step_id",
           "rule", "message", "raised_at", "event_id")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ON CONSTRAINT "UQ_batch_deviation_once" DO NOTHING`,
        [
          d.deviationId,
          event.batchNumber,
          event.donorCode,
          d.stepId,
          d.rule,
          d.message,
          event.raisedAt,
          event.eventId,
        ],
      );
    return this.deviationsOfEvent(manager, event.eventId);
  }

  async deviationsOfEvent(
    manager: EntityManager,
    eventId: string,
  ): Promise<BatchDeviationNotice[]> {
    return manager.query(
      `SELECT ${DEVIATION_COLUMNS} FROM ${S}."batch_deviation" WHERE "event_id" = $1 ORDER BY "raised_at", "message"`,
      [eventId],
    );
  }

  /**
   * PER-02: the person's last hazardous work by `at`: a step in a vector or positive-material
   * area or on positive material, either completed by then or started and not completed by then
   * on a batch still in production (the person is still there; that one comes first), and
   * their last decontamination since leaving that area.
   */
  async hazardStanding(
    manager: EntityManager,
    person: string,
    at: string,
  ): Promise<PersonHazardStanding> {
    const [work]: Array<{
      areaCode: string;
      purpose: string;
      startedAt: Date;
      endedAt: Date | null;
    }> = await manager.query(
      `SELECT r."area_code" AS "areaCode", a."purpose", r."started_at" AS "startedAt",
              CASE WHEN r."kind" = 'completion' THEN r."ended_at" END AS "endedAt"
         FROM ${S}."batch_step_record" r
         JOIN ${S}."production_area" a ON a."area_code" = r."area_code"
         JOIN ${S}."batch" b ON b."batch_number" = r."batch_number"
        WHERE r."operators" @> ARRAY[$1]::text[]
          AND (a."purpose" IN ('vector', 'positive-material') OR r."positive_material")
          AND ((r."kind" = 'completion' AND r."ended_at" <= $2)
            OR (r."kind" = 'start' AND r."started_at" <= $2 AND b."status" = 'in-production'
                AND NOT EXISTS (${COMPLETED_BY_2})))
        ORDER BY (r."kind" = 'start') DESC, coalesce(r."ended_at", r."started_at") DESC LIMIT 1`,
      [person, at],
    );
    if (!work) return { lastHazardousWork: undefined, lastDecontaminationAt: undefined };
    const [decontamination]: Array<{ at: Date | null }> = await manager.query(
      `SELECT max("decontaminated_at") AS "at" FROM ${S}."personnel_decontamination"
        WHERE "person" = $1 AND "area_code" = $2 AND "decontaminated_at" <= $3`,
      [person, work.areaCode, at],
    );
    return {
      lastHazardousWork: {
        areaCode: work.areaCode,
        reason: work.purpose === 'vector' ? 'vector-area' : 'positive-material',
        startedAt: work.startedAt.toISOString(),
        endedAt: work.endedAt?.toISOString() ?? null,
      },
      lastDecontaminationAt: decontamination?.at?.toISOString(),
    };
  }

  /**
   * PRD-03: the people at work in a room at `at`, the operators of steps started there by then
   * and not completed by then, on batches still in production, while their booking still holds
   * the room (as the calendar counts it: until the step's end, else the booked end). A start
   * abandoned past its booked end no longer counts people in the room.
   */
  async operatorsInRoom(manager: EntityManager, roomCode: string, at: string): Promise<string[]> {
    const rows: Array<{ person: string }> = await manager.query(
      `SELECT DISTINCT unnest(r."operators") AS "person"
         FROM ${S}."batch_step_record" r JOIN ${S}."batch" b ON b."batch_number" = r."batch_number"
         JOIN ${S}."room_booking" rb ON rb."booking_id" = r."booking_id"
        WHERE r."room_code" = $1 AND r."kind" = 'start' AND r."started_at" <= $2
          AND b."status" = 'in-production' AND NOT EXISTS (${COMPLETED_BY_2})
          AND rb."status" <> 'cancelled' AND coalesce(rb."completed_at", rb."ends_at") > $2
        ORDER BY 1`,
      [roomCode, at],
    );
    return rows.map((r) => r.person);
  }

  async insertDecontamination(
    manager: EntityManager,
    d: Omit<DecontaminationRecord, 'recordedAt'>,
  ): Promise<DecontaminationRecord> {
    await manager.query(
      `INSERT INTO ${S}."personnel_decontamination" ("decontamination_id", "event_id", "person",
         "area_code", "decontaminated_at", "method", "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        d.decontaminationId,
        d.eventId,
        d.person,
        d.areaCode,
        d.decontaminatedAt,
        d.method,
        d.recordedBy.userId,
        d.recordedBy.role,
      ],
    );
    return (await this.decontaminationByEvent(d.eventId, manager)) as DecontaminationRecord;
  }

  async decontaminationByEvent(
    eventId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DecontaminationRecord | undefined> {
    const rows: Array<{
      decontamination_id: string;
      event_id: string;
      person: string;
      area_code: string;
      decontaminated_at: Date;
      method: string;
      recorded_by: string;
      recorded_by_role: Role;
      recorded_at: Date;
    }> = await manager.query(
      `SELECT * FROM ${S}."personnel_decontamination" WHERE "event_id" = $1`,
      [eventId],
    );
    const r = rows[0];
    return (
      r && {
        decontaminationId: r.decontamination_id,
        eventId: r.event_id,
        person: r.person,
        areaCode: r.area_code,
        decontaminatedAt: r.decontaminated_at.toISOString(),
        method: r.method,
        recordedBy: { userId: r.recorded_by, role: r.recorded_by_role },
        recordedAt: r.recorded_at.toISOString(),
      }
    );
  }

  /** The whole record of a batch, for reading (in `manager`'s transaction when given). */
  async entries(
    batchNumber: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<BatchRecordEntries | undefined> {
    const [batch]: Array<Omit<BatchRecordEntries, 'steps' | 'labels' | 'deviations'>> =
      await manager.query(
        `SELECT "batch_number" AS "batchNumber", "donor_code" AS "donorCode", "product_code" AS "productCode",
                "process_version" AS "processVersion", "status"
           FROM ${S}."batch" WHERE "batch_number" = $1`,
        [batchNumber],
      );
    if (!batch) return undefined;
    const labels: BatchLabel[] = await manager.query(
      `SELECT ${LABEL_COLUMNS} FROM ${S}."batch_label" WHERE "batch_number" = $1 ORDER BY "step_index", "label_id"`,
      [batchNumber],
    );
    const deviations: BatchDeviationNotice[] = await manager.query(
      `SELECT ${DEVIATION_COLUMNS} FROM ${S}."batch_deviation" WHERE "batch_number" = $1 ORDER BY "raised_at", "message"`,
      [batchNumber],
    );
    return { ...batch, steps: await this.steps(manager, batchNumber), labels, deviations };
  }
}
