import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AdverseReaction, AdverseReactionReport, Actor } from '@v2v/contracts';

const S = '"release"';

/** The journey's infusion record, which an adverse reaction follows. */
export interface InfusionOnRecord {
  recordId: string;
  infusedAt: string;
}

export interface NewAdverseReaction extends AdverseReactionReport {
  reactionId: string;
  donorCode: string;
  journeyId: string;
  eventId: string;
  infusionRecordId: string;
  reportedBy: Actor;
}

const SELECT = `SELECT "reaction_id" AS "reactionId", "donor_code" AS "donorCode",
    "description", "onset_at" AS "onsetAt", "severity_grade" AS "severityGrade", "serious",
    "outcome", json_build_object('userId', "reported_by", 'role', "reported_by_role")
      AS "reportedBy", "reported_at" AS "reportedAt", "event_id" AS "eventId"
  FROM ${S}."adverse_reaction"`;

type Row = AdverseReaction & { onsetAt: Date; reportedAt: Date; eventId: string };

const toReaction = ({ eventId: _eventId, ...r }: Row): AdverseReaction => ({
  ...r,
  onsetAt: new Date(r.onsetAt).toISOString(),
  reportedAt: new Date(r.reportedAt).toISOString(),
});

/** Adverse reactions after the infusion (TRC-04), and the infusion they follow. */
@Injectable()
export class AdverseReactionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async infusionOf(
    manager: EntityManager,
    donorCode: string,
  ): Promise<InfusionOnRecord | undefined> {
    const rows: Array<{ recordId: string; infusedAt: string }> = await manager.query(
      `SELECT "id" AS "recordId", "detail"->>'infusedAt' AS "infusedAt" FROM ${S}."step_record"
        WHERE "donor_code" = $1 AND "step" = 'recordInfusion'
        ORDER BY "recorded_at" DESC LIMIT 1`,
      [donorCode],
    );
    return rows[0];
  }

  /** The reaction recorded for an event id, and the event id's donor code, if any. */
  async byEvent(
    manager: EntityManager,
    eventId: string,
  ): Promise<(AdverseReaction & { eventId: string }) | undefined> {
    const rows: Row[] = await manager.query(`${SELECT} WHERE "event_id" = $1`, [eventId]);
    return rows[0] && { ...toReaction(rows[0]), eventId };
  }

  async insert(manager: EntityManager, r: NewAdverseReaction): Promise<AdverseReaction> {
    await manager.query(
      `INSERT INTO ${S}."adverse_reaction" ("reaction_id", "donor_code", "journey_id", "event_id",
         "description", "onset_at", "severity_grade", "serious", "outcome", "infusion_record_id",
         "reported_by", "reported_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        r.reactionId,
        r.donorCode,
        r.journeyId,
        r.eventId,
        r.description,
        r.onsetAt,
        r.severityGrade,
        r.serious,
        r.outcome,
        r.infusionRecordId,
        r.reportedBy.userId,
        r.reportedBy.role,
      ],
    );
    return (await this.byEvent(manager, r.eventId))!;
  }

  async list(donorCode: string): Promise<AdverseReaction[]> {
    const rows: Row[] = await this.dataSource.query(
      `${SELECT} WHERE "donor_code" = $1 ORDER BY "onset_at", "reported_at"`,
      [donorCode],
    );
    return rows.map(toReaction);
  }
}
