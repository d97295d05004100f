/**
 * For tests of what reads the production calendar (environmental monitoring's exposed batches),
 * not of its booking rules: one booking row written as the schema owner, as the demo process's
 * closed culture step (CART-CD19 process v1, seeded). Parameters: `roomBookingParams`.
 */
export const INSERT_ROOM_BOOKING_SQL = `INSERT INTO production.room_booking
  ("booking_id", "event_id", "donor_code", "product_code", "process_version", "step_id", "batch_kind",
   "validation_standing", "room_code", "area_code", "operation_type", "cell_culture",
   "positive_material", "starts_at", "ends_at", "status", "booked_by",
   "cancelled_at", "cancelled_by", "cancellation_reason")
  SELECT $1, $2, $3, 'CART-CD19', 1, 'EXPANSION', 'process-validation', 'none', r."room_code",
         r."area_code", 'closed', true, false, $5, $6, $7::text, 'test',
         CASE WHEN $7::text = 'cancelled' THEN now() END,
         CASE WHEN $7::text = 'cancelled' THEN 'test' END,
         CASE WHEN $7::text = 'cancelled' THEN 'cancelled by the test' END
    FROM production.room r WHERE r."room_code" = $4`;

export function roomBookingParams(booking: {
  bookingId: string;
  donorCode: string;
  roomCode: string;
  startsAt: Date | string;
  endsAt: Date | string;
  status?: 'booked' | 'cancelled' | 'completed';
}): unknown[] {
  return [
    booking.bookingId,
    `test-booking-${booking.bookingId}`,
    booking.donorCode,
    booking.roomCode,
    booking.startsAt,
    booking.endsAt,
    booking.status ?? 'booked',
  ];
}
