import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RoomBooking } from './room-booking';

const S = '"production"';

interface BookingRow {
  booking_id: string;
  donor_code: string;
  product_code: string;
  process_version: number;
  step_id: string;
  batch_kind: RoomBooking['batchKind'];
  validation_standing: RoomBooking['validationStanding'];
  room_code: string;
  area_code: string;
  equipment_code: string | null;
  equipment_class: RoomBooking['equipmentClass'];
  incubator_compartment: number | null;
  line_code: string | null;
  operation_type: RoomBooking['operationType'];
  cell_culture: boolean;
  positive_material: boolean;
  starts_at: Date;
  ends_at: Date;
  status: RoomBooking['status'];
  completed_at: Date | null;
  line_clearance_at: Date | null;
  line_clearance_by: string | null;
  line_clearance_note: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancellation_reason: string | null;
  booked_by: string;
  booked_at: Date;
  event_id: string;
}

const toBooking = (r: BookingRow): RoomBooking => ({
  bookingId: r.booking_id,
  donorCode: r.donor_code,
  productCode: r.product_code,
  processVersion: r.process_version,
  stepId: r.step_id,
  batchKind: r.batch_kind,
  validationStanding: r.validation_standing,
  roomCode: r.room_code,
  areaCode: r.area_code,
  equipmentCode: r.equipment_code,
  equipmentClass: r.equipment_class,
  incubatorCompartment: r.incubator_compartment,
  lineCode: r.line_code,
  operationType: r.operation_type,
  cellCulture: r.cell_culture,
  positiveMaterial: r.positive_material,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  completedAt: r.completed_at,
  lineClearanceAt: r.line_clearance_at,
  lineClearanceBy: r.line_clearance_by,
  lineClearanceNote: r.line_clearance_note,
  cancelledAt: r.cancelled_at,
  cancelledBy: r.cancelled_by,
  cancellationReason: r.cancellation_reason,
  bookedBy: r.booked_by,
  bookedAt: r.booked_at,
  eventId: r.event_id,
});

/** The production calendar (production.room_booking). */
@Injectable()
export class RoomBookingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * PRD-04: bookings of one area are checked and written one at a time (a transaction-level
   * advisory lock per area), so two conflicting bookings at once cannot both pass the rules.
   */
  async lockArea(manager: EntityManager, areaCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('room_booking/' || $1))`, [
      areaCode,
    ]);
  }

  /**
   * What a booking of [from, to) in the room is checked against: the area's live bookings
   * overlapping it, and the room's last non-culture booking ended before it (line clearance).
   * A booking occupies its room until its step's actual end, when recorded, else its end.
   */
  async calendarAround(
    manager: EntityManager,
    input: { areaCode: string; roomCode: string; from: Date; to: Date },
  ): Promise<RoomBooking[]> {
    const rows: BookingRow[] = await manager.query(
      `SELECT * FROM ${S}."room_booking"
        WHERE "area_code" = $1 AND "status" <> 'cancelled'
          AND COALESCE("completed_at", "ends_at") > $3 AND "starts_at" < $4
       UNION ALL
       (SELECT * FROM ${S}."room_booking"
         WHERE "room_code" = $2 AND "status" <> 'cancelled' AND NOT "cell_culture"
           AND COALESCE("completed_at", "ends_at") <= $3
         ORDER BY COALESCE("completed_at", "ends_at") DESC LIMIT 1)`,
      [input.areaCode, input.roomCode, input.from, input.to],
    );
    return rows.map(toBooking);
  }

  /** The calendar of an area over [from, to), cancelled bookings included, by start. */
  async calendar(areaCode: string, from: Date, to: Date): Promise<RoomBooking[]> {
    const rows: BookingRow[] = await this.dataSource.query(
      `SELECT * FROM ${S}."room_booking" WHERE "area_code" = $1 AND "ends_at" > $2 AND "starts_at" < $3
        ORDER BY "starts_at", "room_code"`,
      [areaCode, from, to],
    );
    return rows.map(toBooking);
  }

  async booking(
    manager: EntityManager,
    bookingId: string,
    lock?: 'FOR UPDATE',
  ): Promise<RoomBooking | undefined> {
    const rows: BookingRow[] = await manager.query(
      `SELECT * FROM ${S}."room_booking" WHERE "booking_id" = $1 ${lock ?? ''}`,
      [bookingId],
    );
    return rows[0] && toBooking(rows[0]);
  }

  async bookingByEvent(manager: EntityManager, eventId: string): Promise<RoomBooking | undefined> {
    const rows: BookingRow[] = await manager.query(
      `SELECT * FROM ${S}."room_booking" WHERE "event_id" = $1`,
      [eventId],
    );
    return rows[0] && toBooking(rows[0]);
  }

  async insert(
    manager: EntityManager,
    b: Omit<
      RoomBooking,
      | 'status'
      | 'completedAt'
      | 'lineClearanceAt'
      | 'lineClearanceBy'
      | 'lineClearanceNote'
      | 'cancelledAt'
      | 'cancelledBy'
      | 'cancellationReason'
      | 'bookedAt'
    >,
  ): Promise<RoomBooking> {
    const rows: BookingRow[] = await manager.query(
      `INSERT INTO ${S}."room_booking" ("booking_id", "donor_code", "product_code", "process_version", "step_id",
         "batch_kind", "validation_standing", "room_code", "area_code", "equipment_code", "equipment_class",
         "incubator_compartment", "line_code", "operation_type", "cell_culture", "positive_material",
         "starts_at", "ends_at", "booked_by", "event_id")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       RETURNING *`,
      [
        b.bookingId,
        b.donorCode,
        b.productCode,
        b.processVersion,
        b.stepId,
        b.batchKind,
        b.validationStanding,
        b.roomCode,
        b.areaCode,
        b.equipmentCode,
        b.equipmentClass,
        b.incubatorCompartment,
        b.lineCode,
        b.operationType,
        b.cellCulture,
        b.positiveMaterial,
        b.startsAt,
        b.endsAt,
        b.bookedBy,
        b.eventId,
      ],
    );
    return toBooking(rows[0]);
  }

  async cancel(
    manager: EntityManager,
    bookingId: string,
    input: { cancelledBy: string; reason: string },
  ): Promise<RoomBooking> {
    // TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    const [rows]: [BookingRow[], number] = await manager.query(
      `UPDATE ${S}."room_booking" SET "status" = 'cancelled', "cancelled_at" = clock_timestamp(),
         "cancelled_by" = $2, "cancellation_reason" = $3
        WHERE "booking_id" = $1 RETURNING *`,
      [bookingId, input.cancelledBy, input.reason],
    );
    return toBooking(rows[0]);
  }

  /** A rejected batch's bookings not yet done are cancelled: its rooms are free from now. */
  async cancelOpenBookingsOf(
    manager: EntityManager,
    donorCode: string,
    input: { cancelledBy: string; reason: string },
  ): Promise<RoomBooking[]> {
    // TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    const [rows]: [BookingRow[], number] = await manager.query(
      `UPDATE ${S}."room_booking" SET "status" = 'cancelled', "cancelled_at" = clock_timestamp(),
         "cancelled_by" = $2, "cancellation_reason" = $3
        WHERE "donor_code" = $1 AND "status" = 'booked' AND "completed_at" IS NULL
        RETURNING *`,
      [donorCode, input.cancelledBy, input.reason],
    );
    return rows.map(toBooking);
  }

  /** The batch record: the booked step ended at `endedAt` (status stays until line clearance). */
  async recordStepEnded(manager: EntityManager, bookingId: string, endedAt: Date): Promise<void> {
    await manager.query(
      `UPDATE ${S}."room_booking" SET "completed_at" = $2 WHERE "booking_id" = $1`,
      [bookingId, endedAt],
    );
  }

  /** §9(5)4: the step is done and its room cleared; the booking is completed. */
  async recordLineClearance(
    manager: EntityManager,
    bookingId: string,
    input: { clearedAt: Date; clearedBy: string; note: string | null },
  ): Promise<RoomBooking> {
    // TypeORM answers an UPDATE with [rows, count] on PostgreSQL.
    const [rows]: [BookingRow[], number] = await manager.query(
      `UPDATE ${S}."room_booking" SET "status" = 'completed', "line_clearance_at" = $2,
         "line_clearance_by" = $3, "line_clearance_note" = $4
        WHERE "booking_id" = $1 RETURNING *`,
      [bookingId, input.clearedAt, input.clearedBy, input.note],
    );
    return toBooking(rows[0]);
  }
}
