import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Equipment, ProductionArea, ProductionLine, ProductionShift, Room } from './facility';

const S = '"production"';

const AREA_COLUMNS = `a."area_code", a."name" AS "area_name", a."purpose", a."air_handling_system",
  a."pressure_regime", a."active" AS "area_active"`;

interface AreaRow {
  area_code: string;
  area_name: string;
  purpose: ProductionArea['purpose'];
  air_handling_system: string;
  pressure_regime: ProductionArea['pressureRegime'];
  area_active: boolean;
}

interface RoomRow extends AreaRow {
  room_code: string;
  name: string;
  grade: Room['grade'];
  active: boolean;
}

interface EquipmentRow {
  equipment_code: string;
  room_code: string;
  name: string;
  equipment_class: Equipment['equipmentClass'];
  integrity_check_interval_days: number | null;
  incubator_separation: Equipment['incubatorSeparation'];
  compartments: number | null;
  active: boolean;
  last_passed_at: Date | null;
}

const toArea = (r: AreaRow): ProductionArea => ({
  areaCode: r.area_code,
  name: r.area_name,
  purpose: r.purpose,
  airHandlingSystem: r.air_handling_system,
  pressureRegime: r.pressure_regime,
  active: r.area_active,
});

const toRoom = (r: RoomRow): Room => ({
  roomCode: r.room_code,
  areaCode: r.area_code,
  name: r.name,
  grade: r.grade,
  active: r.active,
  area: toArea(r),
});

const toEquipment = (r: EquipmentRow): Equipment => ({
  equipmentCode: r.equipment_code,
  roomCode: r.room_code,
  name: r.name,
  equipmentClass: r.equipment_class,
  integrityCheckIntervalDays: r.integrity_check_interval_days,
  incubatorSeparation: r.incubator_separation,
  compartments: r.compartments,
  active: r.active,
  lastPassedIntegrityCheckAt: r.last_passed_at?.toISOString() ?? null,
});

/**
 * The facility register's reads that other production use cases rest on (the calendar, media
 * fills, environmental monitoring), each inside the caller's transaction.
 */
@Injectable()
export class FacilityRepository {
  async area(manager: EntityManager, areaCode: string): Promise<ProductionArea | undefined> {
    const rows: AreaRow[] = await manager.query(
      `SELECT ${AREA_COLUMNS} FROM ${S}."production_area" a WHERE a."area_code" = $1`,
      [areaCode],
    );
    return rows[0] && toArea(rows[0]);
  }

  /** The room with its area. */
  async room(manager: EntityManager, roomCode: string): Promise<Room | undefined> {
    const rows: RoomRow[] = await manager.query(
      `SELECT r."room_code", r."name", r."grade", r."active", ${AREA_COLUMNS}
         FROM ${S}."room" r JOIN ${S}."production_area" a USING ("area_code")
        WHERE r."room_code" = $1`,
      [roomCode],
    );
    return rows[0] && toRoom(rows[0]);
  }

  /** The equipment with the time of its last passed integrity check (FAC-01). */
  async equipment(manager: EntityManager, equipmentCode: string): Promise<Equipment | undefined> {
    const rows: EquipmentRow[] = await manager.query(
      `SELECT e."equipment_code", e."room_code", e."name", e."equipment_class",
              e."integrity_check_interval_days", e."incubator_separation", e."compartments", e."active",
              (SELECT max(c."checked_at") FROM ${S}."equipment_integrity_check" c
                WHERE c."equipment_code" = e."equipment_code" AND c."result" = 'pass') AS "last_passed_at"
         FROM ${S}."equipment" e WHERE e."equipment_code" = $1`,
      [equipmentCode],
    );
    return rows[0] && toEquipment(rows[0]);
  }

  async line(manager: EntityManager, lineCode: string): Promise<ProductionLine | undefined> {
    const rows: Array<{ line_code: string; area_code: string; name: string; active: boolean }> =
      await manager.query(
        `SELECT "line_code", "area_code", "name", "active" FROM ${S}."production_line" WHERE "line_code" = $1`,
        [lineCode],
      );
    const r = rows[0];
    return r && { lineCode: r.line_code, areaCode: r.area_code, name: r.name, active: r.active };
  }

  async shift(manager: EntityManager, shiftCode: string): Promise<ProductionShift | undefined> {
    const rows: Array<{
      shift_code: string;
      name: string;
      starts_at: string;
      ends_at: string;
      active: boolean;
    }> = await manager.query(
      `SELECT "shift_code", "name", to_char("starts_at", 'HH24:MI') AS "starts_at",
              to_char("ends_at", 'HH24:MI') AS "ends_at", "active"
         FROM ${S}."production_shift" WHERE "shift_code" = $1`,
      [shiftCode],
    );
    const r = rows[0];
    return (
      r && {
        shiftCode: r.shift_code,
        name: r.name,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        active: r.active,
      }
    );
  }
}
