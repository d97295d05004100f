import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RecallNotice } from '@v2v/contracts';

const S = '"release"';

interface HoldRow {
  recallId: string;
  classification: RecallNotice['classification'];
  scope: RecallNotice['scope'];
  subject: string;
  batchNumbers: string[];
  reason: string;
  decidedAt: Date;
  decidedBy: string;
  decidedByRole: RecallNotice['decidedBy']['role'];
}

/** QA-04: release's copy of the recalls that reached its journeys. All SQL here. */
@Injectable()
export class RecallHoldRepository {
  /** Once per recall and donor code: a notice delivered again records nothing. */
  async insertOnce(
    manager: EntityManager,
    eventId: string,
    donorCode: string,
    n: RecallNotice,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${S}."recall_hold" ("recall_id", "donor_code", "event_id", "classification",
         "scope", "subject", "batch_numbers", "reason", "decided_at", "decided_by", "decided_by_role")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT ("recall_id", "donor_code") DO NOTHING`,
      [
        n.recallId,
        donorCode,
        eventId,
        n.classification,
        n.scope,
        n.subject,
        n.batchNumbers,
        n.reason,
        n.decidedAt,
        n.decidedBy.userId,
        n.decidedBy.role,
      ],
    );
  }
}

/**
 * The recalls holding a donor code's product, in the caller's transaction: a function of the
 * manager, as the release steps' guards call it (like the shipper register's lookup).
 */
export async function recallHoldsOf(
  manager: EntityManager,
  donorCode: string,
): Promise<RecallNotice[]> {
  const rows: HoldRow[] = await manager.query(
    `SELECT "recall_id" AS "recallId", "classification", "scope", "subject",
            "batch_numbers" AS "batchNumbers", "reason", "decided_at" AS "decidedAt",
            "decided_by" AS "decidedBy", "decided_by_role" AS "decidedByRole"
       FROM ${S}."recall_hold" WHERE "donor_code" = $1 ORDER BY "decided_at", "recall_id"`,
    [donorCode],
  );
  return rows.map(({ decidedBy, decidedByRole, decidedAt, ...r }) => ({
    ...r,
    decidedAt: decidedAt.toISOString(),
    decidedBy: { userId: decidedBy, role: decidedByRole },
  }));
}
