import type { EntityManager } from 'typeorm';

const S = 'production';

/**
 * SQL of the local facility seeding, as the schema owner; every insert is `ON CONFLICT DO
 * NOTHING` and tells whether it inserted, so a second run adds nothing.
 */
export class DemoFacilityRepository {
  constructor(private readonly manager: EntityManager) {}

  private async insert(table: string, key: string, row: Record<string, unknown>) {
    const columns = Object.keys(row);
    const rows = await this.manager.query(
      `INSERT INTO "${S}"."${table}" (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT ("${key}") DO NOTHING RETURNING 1`,
      Object.values(row),
    );
    return rows.length > 0;
  }

  insertArea(row: Record<string, unknown>) {
    return this.insert('production_area', 'area_code', row);
  }

  insertRoom(row: Record<string, unknown>) {
    return this.insert('room', 'room_code', row);
  }

  insertEquipment(row: Record<string, unknown>) {
    return this.insert('equipment', 'equipment_code', row);
  }

  insertIntegrityCheck(row: Record<string, unknown>) {
    return this.insert('equipment_integrity_check', 'event_id', row);
  }

  insertLine(row: Record<string, unknown>) {
    return this.insert('production_line', 'line_code', row);
  }

  /**
   * Sets a line's batch capacity when it differs; the capacity it had, or undefined when it
   * already had this one (or there is no such line).
   */
  async updateLineCapacity(lineCode: string, batchCapacity: number): Promise<number | undefined> {
    const rows: Array<{ previous: number }> = await this.manager.query(
      `UPDATE "${S}"."production_line" l SET "batch_capacity" = $2, "updated_at" = clock_timestamp()
         FROM (SELECT "line_code", "batch_capacity" AS "previous" FROM "${S}"."production_line"
                WHERE "line_code" = $1 FOR UPDATE) old
        WHERE l."line_code" = old."line_code" AND old."previous" <> $2
        RETURNING old."previous"`,
      [lineCode, batchCapacity],
    );
    return rows[0]?.previous;
  }

  insertShift(row: Record<string, unknown>) {
    return this.insert('production_shift', 'shift_code', row);
  }
}
