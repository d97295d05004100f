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

  insertShift(row: Record<string, unknown>) {
    return this.insert('production_shift', 'shift_code', row);
  }
}
