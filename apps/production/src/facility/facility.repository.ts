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
  last_failed_at: Date | null;
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
  lastIntegrityCheckFailedAt: r.last_failed_at?.toISOString() ?? null,
});

/**
 * Equipment columns with its last passed check and, when its latest check (by when it was made)
 * failed, that check's time (FAC-01); `e` is the equipment table.
 */
const EQUIPMENT_COLUMNS = `e."equipment_code", e."room_code", e."name", e."equipment_class",
  e."integrity_check_interval_days", e."incubator_separation", e."compartments", e."active",
  (SELECT max(c."checked_at") FROM ${S}."equipment_integrity_check" c
    WHERE c."equipment_code" = e."equipment_code" AND c."result" = 'pass') AS "last_passed_at",
  (SELECT CASE WHEN l."result" = 'fail' THEN l."checked_at" END
     FROM ${S}."equipment_integrity_check" l WHERE l."equipment_code" = e."equipment_code"
    ORDER BY l."checked_at" DESC, l."recorded_at" DESC LIMIT 1) AS "last_failed_at"`;

interface LineRow {
  line_code: string;
  area_code: string;
  name: string;
  batch_capacity: number;
  active: boolean;
}

interface ShiftRow {
  shift_code: string;
  name: string;
  starts_at: string;
  ends_at: string;
  active: boolean;
}

const LINE_COLUMNS = `"line_code", "area_code", "name", "batch_capacity", "active"`;
const SHIFT_COLUMNS = `"shift_code", "name", to_char("starts_at", 'HH24:MI') AS "starts_at",
  to_char("ends_at", 'HH24:MI') AS "ends_at", "active"`;

const toLine = (r: LineRow): ProductionLine => ({
  lineCode: r.line_code,
  areaCode: r.area_code,
  name: r.name,
  batchCapacity: r.batch_capacity,
  active: r.active,
});

const toShift = (r: ShiftRow): ProductionShift => ({
  shiftCode: r.shift_code,
  name: r.name,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  active: r.active,
});

/**
 * The facility register's reads that other production use cases rest on (the calendar, media
 * fills, environmental monitoring) and the register's own, each inside the caller's
 * transaction; its writes are in `facility-register.repository.ts`.
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

  /** The equipment with its last passed integrity check and a failure since (FAC-01). */
  async equipment(manager: EntityManager, equipmentCode: string): Promise<Equipment | undefined> {
    const rows: EquipmentRow[] = await manager.query(
      `SELECT ${EQUIPMENT_COLUMNS} FROM ${S}."equipment" e WHERE e."equipment_code" = $1`,
      [equipmentCode],
    );
    return rows[0] && toEquipment(rows[0]);
  }

  async line(manager: EntityManager, lineCode: string): Promise<ProductionLine | undefined> {
    const rows: LineRow[] = await manager.query(
      `SELECT ${LINE_COLUMNS} FROM ${S}."production_line" WHERE "line_code" = $1`,
      [lineCode],
    );
    return rows[0] && toLine(rows[0]);
  }

  async shift(manager: EntityManager, shiftCode: string): Promise<ProductionShift | undefined> {
    const rows: ShiftRow[] = await manager.query(
      `SELECT ${SHIFT_COLUMNS} FROM ${S}."production_shift" WHERE "shift_code" = $1`,
      [shiftCode],
    );
    return rows[0] && toShift(rows[0]);
  }

  /**
   * §6(1)–(2): the areas an air-handling system serves, under a transaction lock on that system
   * so two registrations on one system are checked one after the other.
   */
  async areasOnAirHandlingSystem(manager: EntityManager, ahu: string): Promise<ProductionArea[]> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ahu:' || $1))`, [ahu]);
    const rows: AreaRow[] = await manager.query(
      `SELECT ${AREA_COLUMNS} FROM ${S}."production_area" a WHERE a."air_handling_system" = $1`,
      [ahu],
    );
    return rows.map(toArea);
  }

  /** The whole register, each list in code order, for the register view. */
  async everything(manager: EntityManager) {
    const areas: AreaRow[] = await manager.query(
      `SELECT ${AREA_COLUMNS} FROM ${S}."production_area" a ORDER BY a."area_code"`,
    );
    const rooms: RoomRow[] = await manager.query(
      `SELECT r."room_code", r."name", r."grade", r."active", ${AREA_COLUMNS}
         FROM ${S}."room" r JOIN ${S}."production_area" a USING ("area_code")
        ORDER BY r."room_code"`,
    );
    const equipment: EquipmentRow[] = await manager.query(
      `SELECT ${EQUIPMENT_COLUMNS} FROM ${S}."equipment" e ORDER BY e."equipment_code"`,
    );
    const lines: LineRow[] = await manager.query(
      `SELECT ${LINE_COLUMNS} FROM ${S}."production_line" ORDER BY "line_code"`,
    );
    const shifts: ShiftRow[] = await manager.query(
      `SELECT ${SHIFT_COLUMNS} FROM ${S}."production_shift" ORDER BY "starts_at", "shift_code"`,
    );
    return {
      areas: areas.map(toArea),
      rooms: rooms.map(toRoom),
      equipment: equipment.map(toEquipment),
      lines: lines.map(toLine),
      shifts: shifts.map(toShift),
    };
  }
}
