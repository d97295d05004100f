import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReleaseGateItem } from '@v2v/contracts';

export interface RecordedRelease {
  recordId: string;
  eventId: string;
  batchNumber: string | null;
}

export interface ReleaseVoiding {
  voidingId: string;
  donorCode: string;
  journeyId: string;
  batchNumber: string;
  releaseEventId: string;
  releaseRecordId: string;
  reason: string;
  changedItems: ReleaseGateItem[];
}

/** The releases a journey recorded and their voidings (CSV-02). */
@Injectable()
export class ReleaseVoidingRepository {
  /** The journey's latest recorded release, with the batch its gates were evaluated for. */
  async latestRelease(
    manager: EntityManager,
    donorCode: string,
  ): Promise<RecordedRelease | undefined> {
    const rows: RecordedRelease[] = await manager.query(
      `SELECT "id" AS "recordId", "event_id" AS "eventId",
              "detail"->'releaseGates'->>'batchNumber' AS "batchNumber"
         FROM "release"."step_record"
        WHERE "donor_code" = $1 AND "step" = 'releaseBatch'
        ORDER BY "recorded_at" DESC, "id" DESC LIMIT 1`,
      [donorCode],
    );
    return rows[0];
  }

  async voidingOf(
    manager: EntityManager,
    releaseEventId: string,
  ): Promise<ReleaseVoiding | undefined> {
    const rows: ReleaseVoiding[] = await manager.query(
      `SELECT "voiding_id" AS "voidingId", "donor_code" AS "donorCode", "journey_id" AS "journeyId",
              "batch_number" AS "batchNumber", "release_event_id" AS "releaseEventId",
              "release_record_id" AS "releaseRecordId", "reason", "changed_items" AS "changedItems"
         FROM "release"."release_voiding" WHERE "release_event_id" = $1`,
      [releaseEventId],
    );
    return rows[0];
  }

  async insert(manager: EntityManager, voiding: ReleaseVoiding): Promise<void> {
    await manager.query(
      `INSERT INTO "release"."release_voiding"
         ("voiding_id", "donor_code", "journey_id", "batch_number", "release_event_id",
          "release_record_id", "reason", "changed_items")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        voiding.voidingId,
        voiding.donorCode,
        voiding.journeyId,
        voiding.batchNumber,
        voiding.releaseEventId,
        voiding.releaseRecordId,
        voiding.reason,
        voiding.changedItems,
      ],
    );
  }
}
