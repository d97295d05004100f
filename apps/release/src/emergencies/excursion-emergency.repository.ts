import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Excursion, ExcursionBudget } from '@v2v/contracts';

const S = '"release"';

/** A shipment's excursion beyond its budget (QA-04): once per custody leg. */
export interface NewExcursionEmergency {
  emergencyId: string;
  donorCode: string;
  journeyId: string;
  description: string;
  excursion: { minutesOutOfRange: number; worstExcursion: Excursion; budget: ExcursionBudget };
  raisedAt: string;
  /** The leg's deviation id: a retried activity finds the emergency it raised. */
  legDeviationId: string;
}

export interface RecordedExcursionEmergency {
  emergencyId: string;
  description: string;
  raisedAt: Date;
}

/** The SQL of excursion emergencies, in the product emergencies' table (QA-04). */
@Injectable()
export class ExcursionEmergencyRepository {
  /** Records the leg's emergency unless it is on record already; true when it was new. */
  async insertOnce(manager: EntityManager, e: NewExcursionEmergency): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${S}."product_emergency" ("emergency_id", "donor_code", "journey_id", "kind",
         "excursion", "description", "raised_at", "step_event_id")
       VALUES ($1, $2, $3, 'temperature-excursion', $4, $5, $6, $7)
       ON CONFLICT ("step_event_id") WHERE "kind" = 'temperature-excursion' DO NOTHING
       RETURNING "emergency_id"`,
      [
        e.emergencyId,
        e.donorCode,
        e.journeyId,
        JSON.stringify(e.excursion),
        e.description,
        e.raisedAt,
        e.legDeviationId,
      ],
    );
    return rows.length === 1;
  }

  async ofLeg(
    manager: EntityManager,
    legDeviationId: string,
  ): Promise<RecordedExcursionEmergency | undefined> {
    const rows: RecordedExcursionEmergency[] = await manager.query(
      `SELECT "emergency_id" AS "emergencyId", "description", "raised_at" AS "raisedAt"
         FROM ${S}."product_emergency"
        WHERE "step_event_id" = $1 AND "kind" = 'temperature-excursion'`,
      [legDeviationId],
    );
    return rows[0];
  }
}
