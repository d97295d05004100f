import { MigrationInterface, QueryRunner } from 'typeorm';
import { revokeDeleteSql, tableGrantsSql } from '@v2v/database';

const S = 'production';
const RELEASE_COLUMNS = `"released_at", "released_by", "released_by_role", "release_reason"`;

/**
 * Manufacturing capacity (issue 11): a production line carries `batch_capacity` batches at
 * once, and a manufacturing slot reserves a line for the days a journey's process plans. A slot
 * is held before the step that needs it, booked once the step is recorded and released when it
 * is refused, rebooked or no longer needed; its status changes (audited by the use cases), so
 * the service role may update it but never delete it. The constraints hold whatever the client:
 * a retried hold is the same row (event id), a donor code has at most one booked slot, and the
 * release fields are set exactly on released slots.
 */
export class CreateManufacturingSlots1765000800000 implements MigrationInterface {
  name = 'CreateManufacturingSlots1765000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."production_line"
      ADD COLUMN "batch_capacity" integer NOT NULL DEFAULT 1,
      ADD CONSTRAINT "CHK_production_line_batch_capacity" CHECK ("batch_capacity" BETWEEN 1 AND 500)`);
    await q.query(`CREATE TABLE "${S}"."manufacturing_slot" (
      "slot_id" uuid NOT NULL,
      "event_id" text NOT NULL,
      "journey_id" text NOT NULL,
      "donor_code" text NOT NULL,
      "product_code" text NOT NULL,
      "process_version" integer NOT NULL,
      "line_code" text NOT NULL,
      "area_code" text NOT NULL,
      "starts_on" date NOT NULL,
      "ends_on" date NOT NULL,
      "planned_shipment_on" date,
      "status" text NOT NULL,
      "reason" text NOT NULL,
      "requested_by" text NOT NULL,
      "requested_by_role" text NOT NULL,
      "requested_at" timestamptz NOT NULL,
      "replaces_slot_id" uuid,
      "released_at" timestamptz,
      "released_by" text,
      "released_by_role" text,
      "release_reason" text,
      "batch_number" text,
      "updated_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
      CONSTRAINT "PK_manufacturing_slot" PRIMARY KEY ("slot_id"),
      CONSTRAINT "UQ_manufacturing_slot_event" UNIQUE ("event_id"),
      CONSTRAINT "FK_manufacturing_slot_line" FOREIGN KEY ("line_code") REFERENCES "${S}"."production_line" ("line_code"),
      CONSTRAINT "FK_manufacturing_slot_area" FOREIGN KEY ("area_code") REFERENCES "${S}"."production_area" ("area_code"),
      CONSTRAINT "FK_manufacturing_slot_process" FOREIGN KEY ("product_code", "process_version")
        REFERENCES "${S}"."process_definition" ("product_code", "process_version"),
      CONSTRAINT "FK_manufacturing_slot_replaces" FOREIGN KEY ("replaces_slot_id") REFERENCES "${S}"."manufacturing_slot" ("slot_id"),
      CONSTRAINT "CHK_manufacturing_slot_days" CHECK ("ends_on" > "starts_on"),
      CONSTRAINT "CHK_manufacturing_slot_shipment" CHECK ("planned_shipment_on" >= "ends_on"),
      CONSTRAINT "CHK_manufacturing_slot_status" CHECK ("status" IN ('held', 'booked', 'released')),
      CONSTRAINT "CHK_manufacturing_slot_reason" CHECK (btrim("reason") <> ''),
      CONSTRAINT "CHK_manufacturing_slot_release" CHECK (CASE WHEN "status" = 'released'
        THEN num_nonnulls(${RELEASE_COLUMNS}) = 4 AND btrim("release_reason") <> ''
        ELSE num_nulls(${RELEASE_COLUMNS}) = 4 END),
      CONSTRAINT "CHK_manufacturing_slot_not_itself" CHECK ("replaces_slot_id" <> "slot_id")
    )`);
    // A journey holds at most one booked slot: a rebooking releases the old one first.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_manufacturing_slot_booked_donor" ON "${S}"."manufacturing_slot" ("donor_code") WHERE "status" = 'booked'`,
    );
    // The occupancy of an area's lines over a range of days, read at every hold.
    await q.query(
      `CREATE INDEX "IDX_manufacturing_slot_occupancy" ON "${S}"."manufacturing_slot" ("area_code", "starts_on", "ends_on") WHERE "status" <> 'released'`,
    );
    await q.query(
      `CREATE INDEX "IDX_manufacturing_slot_donor" ON "${S}"."manufacturing_slot" ("donor_code", "requested_at")`,
    );
    await q.query(tableGrantsSql(S, ['manufacturing_slot']));
    await q.query(revokeDeleteSql(S, 'manufacturing_slot'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."manufacturing_slot"`);
    await q.query(`ALTER TABLE "${S}"."production_line" DROP COLUMN "batch_capacity"`);
  }
}
