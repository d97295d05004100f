import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RegisteredDonor } from './donor-material-gate-rules';

const S = '"donor_intake"';

interface LatestRow<T> {
  detail: T;
  recorded_at: Date;
}

/** What the donor material's release gates (QA-02.4, QA-02.5) read of donor-intake's records. */
@Injectable()
export class DonorMaterialGateRepository {
  async donor(manager: EntityManager, donorCode: string): Promise<RegisteredDonor | undefined> {
    const rows: RegisteredDonor[] = await manager.query(
      `SELECT "donor_code" AS "donorCode", "patient_reference" AS "patientReference",
              "institution_id" AS "institutionId"
         FROM ${S}."donor" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows[0];
  }

  /** Every journey the donor code's step records name. */
  async journeyIds(manager: EntityManager, donorCode: string): Promise<string[]> {
    const rows: Array<{ journeyId: string }> = await manager.query(
      `SELECT DISTINCT "journey_id" AS "journeyId" FROM ${S}."step_record" WHERE "donor_code" = $1`,
      [donorCode],
    );
    return rows.map((r) => r.journeyId);
  }

  /** The latest step record of a record type (or of a step), with when it was recorded. */
  async latest<T>(
    manager: EntityManager,
    donorCode: string,
    of: { recordType: string } | { step: string },
  ): Promise<{ detail: T; recordedAt: string } | undefined> {
    const [column, value] = 'step' in of ? ['step', of.step] : ['record_type', of.recordType];
    const rows: Array<LatestRow<T>> = await manager.query(
      `SELECT "detail", "recorded_at" FROM ${S}."step_record"
        WHERE "donor_code" = $1 AND "${column}" = $2 ORDER BY "recorded_at" DESC LIMIT 1`,
      [donorCode, value],
    );
    return rows[0] && { detail: rows[0].detail, recordedAt: rows[0].recorded_at.toISOString() };
  }
}
