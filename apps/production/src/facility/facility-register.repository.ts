import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

const S = '"production"';

/** The register's tables and their key columns; names come from here, never from a request. */
export const REGISTER_TABLES = {
  area: { table: 'production_area', key: 'area_code' },
  room: { table: 'room', key: 'room_code' },
  equipment: { table: 'equipment', key: 'equipment_code' },
  line: { table: 'production_line', key: 'line_code' },
  shift: { table: 'production_shift', key: 'shift_code' },
} as const;
export type RegisterKind = keyof typeof REGISTER_TABLES;

/** An integrity check as recorded (FAC-01). */
export interface IntegrityCheck {
  checkId: string;
  eventId: string;
  equipmentCode: string;
  checkedAt: string;
  result: 'pass' | 'fail';
  method: string;
  note: string | null;
  checkedBy: string;
  checkedByRole: string;
  recordedAt: string;
}

interface CheckRow {
  check_id: string;
  event_id: string;
  equipment_code: string;
  checked_at: Date;
  result: 'pass' | 'fail';
  method: string;
  note: string | null;
  checked_by: string;
  checked_by_role: string;
  recorded_at: Date;
}

const toCheck = (r: CheckRow): IntegrityCheck => ({
  checkId: r.check_id,
  eventId: r.event_id,
  equipmentCode: r.equipment_code,
  checkedAt: r.checked_at.toISOString(),
  result: r.result,
  method: r.method,
  note: r.note,
  checkedBy: r.checked_by,
  checkedByRole: r.checked_by_role,
  recordedAt: r.recorded_at.toISOString(),
});

const CHECK_COLUMNS = `"check_id", "event_id", "equipment_code", "checked_at", "result", "method",
  "note", "checked_by", "checked_by_role", "recorded_at"`;

/**
 * The facility register's writes (rows of the areas, rooms, equipment, lines and shifts, and
 * the append-only integrity checks), inside the caller's transaction. Reads of the records are
 * `FacilityRepository`'s.
 */
@Injectable()
export class FacilityRegisterRepository {
  /** Inserts a register row (snake_case columns); a taken code is a unique violation. */
  async insert(manager: EntityManager, kind: RegisterKind, row: Record<string, unknown>) {
    const columns = Object.keys(row);
    await manager.query(
      `INSERT INTO ${S}."${REGISTER_TABLES[kind].table}" (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(row),
    );
  }

  /** Locks a register row for its change; false when there is no such row. */
  async lock(manager: EntityManager, kind: RegisterKind, code: string): Promise<boolean> {
    const { table, key } = REGISTER_TABLES[kind];
    const rows = await manager.query(
      `SELECT 1 FROM ${S}."${table}" WHERE "${key}" = $1 FOR UPDATE`,
      [code],
    );
    return rows.length > 0;
  }

  /** Sets the given columns of a locked row and its `updated_at`. */
  async update(
    manager: EntityManager,
    kind: RegisterKind,
    code: string,
    set: Record<string, unknown>,
  ): Promise<void> {
    const { table, key } = REGISTER_TABLES[kind];
    const columns = Object.keys(set);
    await manager.query(
      `UPDATE ${S}."${table}" SET ${columns.map((c, i) => `"${c}" = $${i + 2}`).join(', ')},
              "updated_at" = clock_timestamp()
        WHERE "${key}" = $1`,
      [code, ...Object.values(set)],
    );
  }

  /** When the equipment entered the register: no check of it can be older. */
  async equipmentRegisteredAt(manager: EntityManager, equipmentCode: string): Promise<Date> {
    const rows: Array<{ created_at: Date }> = await manager.query(
      `SELECT "created_at" FROM ${S}."equipment" WHERE "equipment_code" = $1`,
      [equipmentCode],
    );
    return rows[0].created_at;
  }

  async insertIntegrityCheck(
    manager: EntityManager,
    check: Omit<IntegrityCheck, 'recordedAt'>,
  ): Promise<IntegrityCheck> {
    const rows: CheckRow[] = await manager.query(
      `INSERT INTO ${S}."equipment_integrity_check" ("check_id", "event_id", "equipment_code",
         "checked_at", "result", "method", "note", "checked_by", "checked_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CHECK_COLUMNS}`,
      [
        check.checkId,
        check.eventId,
        check.equipmentCode,
        check.checkedAt,
        check.result,
        check.method,
        check.note,
        check.checkedBy,
        check.checkedByRole,
      ],
    );
    return toCheck(rows[0]);
  }

  async integrityCheckByEvent(
    manager: EntityManager,
    eventId: string,
  ): Promise<IntegrityCheck | undefined> {
    const rows: CheckRow[] = await manager.query(
      `SELECT ${CHECK_COLUMNS} FROM ${S}."equipment_integrity_check" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toCheck(rows[0]);
  }

  /** The equipment's checks, the latest made first. */
  async integrityChecksOf(manager: EntityManager, equipmentCode: string) {
    const rows: CheckRow[] = await manager.query(
      `SELECT ${CHECK_COLUMNS} FROM ${S}."equipment_integrity_check" WHERE "equipment_code" = $1
        ORDER BY "checked_at" DESC, "recorded_at" DESC`,
      [equipmentCode],
    );
    return rows.map(toCheck);
  }
}
