import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '@v2v/contracts';
import type { RetainedPortion } from './remanufacture-rules';

const S = '"production"';

interface RetainedRow {
  retained_id: string;
  donor_code: string;
  batch_number: string;
  volume_ml: string;
  container: string;
  storage_location: string;
  set_aside_at: Date;
  use_event_id: string | null;
  used_at: Date | null;
}

/** The portions of donor material set aside at production starts, and their uses (append-only). */
@Injectable()
export class RetainedMaterialRepository {
  async insert(
    manager: EntityManager,
    portion: Omit<RetainedPortion, 'usedBy'> & {
      eventId: string;
      journeyId: string;
      recordedBy: Actor;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."retained_donor_material" ("retained_id", "event_id", "donor_code", "journey_id", "batch_number",
         "volume_ml", "container", "storage_location", "recorded_by", "recorded_by_role", "set_aside_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        portion.retainedId,
        portion.eventId,
        portion.donorCode,
        portion.journeyId,
        portion.batchNumber,
        portion.volumeMl,
        portion.container,
        portion.storageLocation,
        portion.recordedBy.userId,
        portion.recordedBy.role,
        portion.setAsideAt,
      ],
    );
  }

  /** Every portion set aside for a donor code, with the decision that used it, if any. */
  async ofDonor(manager: EntityManager, donorCode: string): Promise<RetainedPortion[]> {
    const rows: RetainedRow[] = await manager.query(
      `SELECT r."retained_id", r."donor_code", r."batch_number", r."volume_ml", r."container", r."storage_location",
              r."set_aside_at", u."event_id" AS "use_event_id", u."used_at"
         FROM ${S}."retained_donor_material" r
         LEFT JOIN ${S}."retained_material_use" u ON u."retained_id" = r."retained_id"
        WHERE r."donor_code" = $1 ORDER BY r."set_aside_at", r."retained_id"`,
      [donorCode],
    );
    return rows.map((r) => ({
      retainedId: r.retained_id,
      donorCode: r.donor_code,
      batchNumber: r.batch_number,
      // numeric arrives as text to keep its precision; volumes are small decimals.
      volumeMl: Number(r.volume_ml),
      container: r.container,
      storageLocation: r.storage_location,
      setAsideAt: r.set_aside_at.toISOString(),
      ...(r.use_event_id && r.used_at
        ? { usedBy: { eventId: r.use_event_id, usedAt: r.used_at.toISOString() } }
        : {}),
    }));
  }

  /**
   * The use of a portion by a re-manufacture decision; the primary key on the portion refuses a
   * second use, also from a concurrent decision.
   */
  async insertUse(
    manager: EntityManager,
    use: {
      retainedId: string;
      eventId: string;
      donorCode: string;
      journeyId: string;
      rejectedBatchNumber: string;
      reason: string;
      usedBy: Actor;
      usedAt: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."retained_material_use" ("retained_id", "event_id", "donor_code", "journey_id",
         "rejected_batch_number", "reason", "used_by", "used_by_role", "used_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        use.retainedId,
        use.eventId,
        use.donorCode,
        use.journeyId,
        use.rejectedBatchNumber,
        use.reason,
        use.usedBy.userId,
        use.usedBy.role,
        use.usedAt,
      ],
    );
  }
}
