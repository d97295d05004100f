import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor, ManufacturingSlot } from '@v2v/contracts';
import type { OccupiedSlot, SlotLine } from './slot-rules';

const S = '"production"';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SlotRow {
  slot_id: string;
  event_id: string;
  journey_id: string;
  donor_code: string;
  product_code: string;
  line_code: string;
  area_code: string;
  starts_on: string;
  ends_on: string;
  planned_shipment_on: string | null;
  status: ManufacturingSlot['status'];
  reason: string;
  requested_by: string;
  requested_by_role: Actor['role'];
  requested_at: Date;
  replaces_slot_id: string | null;
  released_at: Date | null;
  released_by: string | null;
  released_by_role: Actor['role'] | null;
  release_reason: string | null;
  batch_number: string | null;
}

/** Dates as the factory's calendar days, never shifted by the client's time zone. */
const SLOT_COLUMNS = `"slot_id", "event_id", "journey_id", "donor_code", "product_code", "line_code",
  "area_code", to_char("starts_on", 'YYYY-MM-DD') AS "starts_on",
  to_char("ends_on", 'YYYY-MM-DD') AS "ends_on",
  to_char("planned_shipment_on", 'YYYY-MM-DD') AS "planned_shipment_on", "status", "reason",
  "requested_by", "requested_by_role", "requested_at", "replaces_slot_id", "released_at",
  "released_by", "released_by_role", "release_reason", "batch_number"`;

const toSlot = (r: SlotRow): ManufacturingSlot => ({
  slotId: r.slot_id,
  donorCode: r.donor_code,
  journeyId: r.journey_id,
  productCode: r.product_code,
  lineCode: r.line_code,
  areaCode: r.area_code,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  plannedShipmentOn: r.planned_shipment_on,
  status: r.status,
  reason: r.reason,
  requestedBy: { userId: r.requested_by, role: r.requested_by_role },
  requestedAt: r.requested_at.toISOString(),
  ...(r.replaces_slot_id ? { replacesSlotId: r.replaces_slot_id } : {}),
  ...(r.released_at && r.released_by && r.released_by_role
    ? {
        releasedAt: r.released_at.toISOString(),
        releasedBy: { userId: r.released_by, role: r.released_by_role },
        releaseReason: r.release_reason ?? '',
      }
    : {}),
  ...(r.batch_number ? { batchNumber: r.batch_number } : {}),
});

/** A slot to put on record, as held. */
export interface NewSlot {
  slotId: string;
  eventId: string;
  journeyId: string;
  donorCode: string;
  productCode: string;
  processVersion: number;
  lineCode: string;
  areaCode: string;
  startsOn: string;
  endsOn: string;
  plannedShipmentOn: string | null;
  reason: string;
  requestedBy: Actor;
  requestedAt: string;
}

/** Manufacturing slots (production.manufacturing_slot) and the floor's lines they take. */
@Injectable()
export class ManufacturingSlotRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every line with its area's purpose and whether both are in use. */
  async lines(manager: EntityManager): Promise<SlotLine[]> {
    const rows: Array<{
      line_code: string;
      area_code: string;
      purpose: SlotLine['areaPurpose'];
      batch_capacity: number;
      active: boolean;
    }> = await manager.query(
      `SELECT l."line_code", l."area_code", a."purpose", l."batch_capacity",
              l."active" AND a."active" AS "active"
         FROM ${S}."production_line" l JOIN ${S}."production_area" a USING ("area_code")`,
    );
    return rows.map((r) => ({
      lineCode: r.line_code,
      areaCode: r.area_code,
      areaPurpose: r.purpose,
      batchCapacity: r.batch_capacity,
      active: r.active,
    }));
  }

  /**
   * Two holds at once must not both take an area's last place: the holds of an area are
   * checked and written one at a time (transaction-level advisory locks, in code order so two
   * holds over several areas cannot deadlock).
   */
  async lockAreas(manager: EntityManager, areaCodes: readonly string[]): Promise<void> {
    for (const areaCode of [...new Set(areaCodes)].sort())
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('manufacturing-slot-area:' || $1))`,
        [areaCode],
      );
  }

  /** The changes of one journey's slots one at a time (a confirmation rebooks the other). */
  async lockDonor(manager: EntityManager, donorCode: string): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('manufacturing-slot-donor:' || $1))`,
      [donorCode],
    );
  }

  /** Held and booked slots of the areas overlapping [from, to). */
  async occupancy(
    manager: EntityManager,
    areaCodes: readonly string[],
    from: string,
    to: string,
  ): Promise<OccupiedSlot[]> {
    const rows: Array<{
      line_code: string;
      area_code: string;
      starts_on: string;
      ends_on: string;
    }> = await manager.query(
      `SELECT "line_code", "area_code", to_char("starts_on", 'YYYY-MM-DD') AS "starts_on",
                to_char("ends_on", 'YYYY-MM-DD') AS "ends_on"
           FROM ${S}."manufacturing_slot"
          WHERE "area_code" = ANY($1) AND "status" <> 'released'
            AND "starts_on" < $3::date AND "ends_on" > $2::date`,
      [areaCodes, from, to],
    );
    return rows.map((r) => ({
      lineCode: r.line_code,
      areaCode: r.area_code,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    }));
  }

  async insert(manager: EntityManager, slot: NewSlot): Promise<ManufacturingSlot> {
    const rows: SlotRow[] = await manager.query(
      `INSERT INTO ${S}."manufacturing_slot" ("slot_id", "event_id", "journey_id", "donor_code",
         "product_code", "process_version", "line_code", "area_code", "starts_on", "ends_on",
         "planned_shipment_on", "status", "reason", "requested_by", "requested_by_role", "requested_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'held', $12, $13, $14, $15)
       RETURNING ${SLOT_COLUMNS}`,
      [
        slot.slotId,
        slot.eventId,
        slot.journeyId,
        slot.donorCode,
        slot.productCode,
        slot.processVersion,
        slot.lineCode,
        slot.areaCode,
        slot.startsOn,
        slot.endsOn,
        slot.plannedShipmentOn,
        slot.reason,
        slot.requestedBy.userId,
        slot.requestedBy.role,
        slot.requestedAt,
      ],
    );
    return toSlot(rows[0]);
  }

  async byEvent(manager: EntityManager, eventId: string): Promise<ManufacturingSlot | undefined> {
    const rows: SlotRow[] = await manager.query(
      `SELECT ${SLOT_COLUMNS} FROM ${S}."manufacturing_slot" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toSlot(rows[0]);
  }

  /** The slot, locked for its change; a slot id that is not a uuid names no slot. */
  async slot(manager: EntityManager, slotId: string): Promise<ManufacturingSlot | undefined> {
    if (!UUID.test(slotId)) return undefined;
    const rows: SlotRow[] = await manager.query(
      `SELECT ${SLOT_COLUMNS} FROM ${S}."manufacturing_slot" WHERE "slot_id" = $1 FOR UPDATE`,
      [slotId],
    );
    return rows[0] && toSlot(rows[0]);
  }

  /** The journey's booked slot, locked for its change. */
  async bookedOf(
    manager: EntityManager,
    donorCode: string,
  ): Promise<ManufacturingSlot | undefined> {
    const rows: SlotRow[] = await manager.query(
      `SELECT ${SLOT_COLUMNS} FROM ${S}."manufacturing_slot"
        WHERE "donor_code" = $1 AND "status" = 'booked' FOR UPDATE`,
      [donorCode],
    );
    return rows[0] && toSlot(rows[0]);
  }

  /** Held → booked, with the slot it replaced. */
  async book(
    manager: EntityManager,
    slotId: string,
    replacesSlotId: string | null,
  ): Promise<ManufacturingSlot> {
    // TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    const [rows]: [SlotRow[], number] = await manager.query(
      `UPDATE ${S}."manufacturing_slot"
          SET "status" = 'booked', "replaces_slot_id" = $2, "updated_at" = clock_timestamp()
        WHERE "slot_id" = $1 RETURNING ${SLOT_COLUMNS}`,
      [slotId, replacesSlotId],
    );
    return toSlot(rows[0]);
  }

  async release(
    manager: EntityManager,
    slotId: string,
    release: { at: string; by: Actor; reason: string },
  ): Promise<ManufacturingSlot> {
    // TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    const [rows]: [SlotRow[], number] = await manager.query(
      `UPDATE ${S}."manufacturing_slot"
          SET "status" = 'released', "released_at" = $2, "released_by" = $3,
              "released_by_role" = $4, "release_reason" = $5, "updated_at" = clock_timestamp()
        WHERE "slot_id" = $1 RETURNING ${SLOT_COLUMNS}`,
      [slotId, release.at, release.by.userId, release.by.role, release.reason],
    );
    return toSlot(rows[0]);
  }

  /** The batch started on the journey's booked slot; the slot before, if there is one. */
  async recordBatch(
    manager: EntityManager,
    donorCode: string,
    batchNumber: string,
  ): Promise<{ before: ManufacturingSlot; after: ManufacturingSlot } | undefined> {
    const before = await this.bookedOf(manager, donorCode);
    if (!before) return undefined;
    // TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    const [rows]: [SlotRow[], number] = await manager.query(
      `UPDATE ${S}."manufacturing_slot" SET "batch_number" = $2, "updated_at" = clock_timestamp()
        WHERE "slot_id" = $1 RETURNING ${SLOT_COLUMNS}`,
      [before.slotId, batchNumber],
    );
    return { before, after: toSlot(rows[0]) };
  }

  /** A journey's slots, the latest requested first: every (re)booking and release. */
  async slotsOf(donorCode: string): Promise<ManufacturingSlot[]> {
    const rows: SlotRow[] = await this.dataSource.query(
      `SELECT ${SLOT_COLUMNS} FROM ${S}."manufacturing_slot" WHERE "donor_code" = $1
        ORDER BY "requested_at" DESC, "updated_at" DESC`,
      [donorCode],
    );
    return rows.map(toSlot);
  }
}
