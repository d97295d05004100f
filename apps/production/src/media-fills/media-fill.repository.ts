import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MediaFill } from './media-fill';

const S = '"production"';

interface MediaFillRow {
  media_fill_id: string;
  event_id: string;
  line_code: string;
  shift_code: string;
  performed_on: string;
  kind: MediaFill['kind'];
  approach: MediaFill['approach'];
  rationale: string | null;
  worst_case_conditions: string[];
  product_codes: string[];
  equipment_classes: MediaFill['equipmentClasses'];
  operations_not_simulated: MediaFill['operationsNotSimulated'];
  units_filled: number;
  units_contaminated: number;
  result: MediaFill['result'];
  recorded_by: string;
  recorded_by_role: string;
  recorded_at: Date;
}

const COLUMNS = `"media_fill_id", "event_id", "line_code", "shift_code",
  to_char("performed_on", 'YYYY-MM-DD') AS "performed_on", "kind", "approach", "rationale",
  "worst_case_conditions", "product_codes", "equipment_classes", "operations_not_simulated",
  "units_filled", "units_contaminated", "result", "recorded_by", "recorded_by_role", "recorded_at"`;

const toMediaFill = (r: MediaFillRow): MediaFill => ({
  mediaFillId: r.media_fill_id,
  eventId: r.event_id,
  lineCode: r.line_code,
  shiftCode: r.shift_code,
  performedOn: r.performed_on,
  kind: r.kind,
  approach: r.approach,
  rationale: r.rationale,
  worstCaseConditions: r.worst_case_conditions,
  productCodes: r.product_codes,
  equipmentClasses: r.equipment_classes,
  operationsNotSimulated: r.operations_not_simulated,
  unitsFilled: r.units_filled,
  unitsContaminated: r.units_contaminated,
  result: r.result,
  recordedBy: r.recorded_by,
  recordedByRole: r.recorded_by_role,
  recordedAt: r.recorded_at.toISOString(),
});

/** Media fill runs (PRD-02), append-only, inside the caller's transaction. */
@Injectable()
export class MediaFillRepository {
  async insert(manager: EntityManager, run: Omit<MediaFill, 'recordedAt'>): Promise<MediaFill> {
    const rows: MediaFillRow[] = await manager.query(
      `INSERT INTO ${S}."media_fill" ("media_fill_id", "event_id", "line_code", "shift_code",
         "performed_on", "kind", "approach", "rationale", "worst_case_conditions", "product_codes",
         "equipment_classes", "operations_not_simulated", "units_filled", "units_contaminated",
         "result", "recorded_by", "recorded_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING ${COLUMNS}`,
      [
        run.mediaFillId,
        run.eventId,
        run.lineCode,
        run.shiftCode,
        run.performedOn,
        run.kind,
        run.approach,
        run.rationale,
        JSON.stringify(run.worstCaseConditions),
        JSON.stringify(run.productCodes),
        JSON.stringify(run.equipmentClasses),
        JSON.stringify(run.operationsNotSimulated),
        run.unitsFilled,
        run.unitsContaminated,
        run.result,
        run.recordedBy,
        run.recordedByRole,
      ],
    );
    return toMediaFill(rows[0]);
  }

  async byEvent(manager: EntityManager, eventId: string): Promise<MediaFill | undefined> {
    const rows: MediaFillRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${S}."media_fill" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toMediaFill(rows[0]);
  }

  /** Every run of a line, all shifts, in the order performed (then recorded). */
  async ofLine(manager: EntityManager, lineCode: string): Promise<MediaFill[]> {
    const rows: MediaFillRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${S}."media_fill" WHERE "line_code" = $1
        ORDER BY "performed_on", "recorded_at"`,
      [lineCode],
    );
    return rows.map(toMediaFill);
  }
}
