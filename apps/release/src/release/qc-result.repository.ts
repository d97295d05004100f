import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QcResultRow } from './release-rules';

/** The QC results recorded for a donor's batch (one row per test). */
@Injectable()
export class QcResultRepository {
  /** Inserts one result; returns its row id (the audit entry's record id). */
  async insert(
    manager: EntityManager,
    result: {
      donorCode: string;
      eventId: string;
      test: string;
      value: string;
      withinSpecification: boolean;
      recordedBy: string;
      recordedAt: string;
    },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO "release"."qc_result"
         ("donor_code", "event_id", "test", "value", "within_specification", "recorded_by", "recorded_at")
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "id"`,
      [
        result.donorCode,
        result.eventId,
        result.test,
        result.value,
        result.withinSpecification,
        result.recordedBy,
        result.recordedAt,
      ],
    );
    return String(id);
  }

  forDonor(manager: EntityManager, donorCode: string): Promise<QcResultRow[]> {
    return manager.query(
      `SELECT "test", "within_specification" AS "withinSpecification" FROM "release"."qc_result" WHERE "donor_code" = $1`,
      [donorCode],
    );
  }
}
