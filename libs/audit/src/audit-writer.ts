import { EntityManager } from 'typeorm';
import { Actor, DomainError } from '@v2v/contracts';
import { canonicalContent, contentHash, entryHash, GENESIS_HASH } from '@v2v/integrity';

export interface AuditEntryInput {
  recordType: string;
  recordId: string;
  journeyId?: string;
  action: 'create' | 'update';
  actor: Actor;
  /** Required for every change of an existing record (CSV-01). */
  reason?: string;
  oldValue?: unknown;
  newValue: unknown;
}

/**
 * CSV-01: writes one audit entry inside the caller's transaction, so a GMP record and its
 * audit entry exist together or not at all. Server time is the database's clock.
 */
export async function writeAudit(
  manager: EntityManager,
  schema: string,
  entry: AuditEntryInput,
): Promise<void> {
  if (entry.action === 'update' && !entry.reason?.trim()) {
    throw new DomainError(
      'CSV-01',
      `a change of ${entry.recordType} ${entry.recordId} needs a reason (CSV-01)`,
    );
  }
  const chainId = entry.journeyId ?? `${entry.recordType}/${entry.recordId}`;
  await manager.query(
    `INSERT INTO "${schema}"."audit_chain_head" ("chain_id", "seq", "entry_hash") VALUES ($1, 0, $2)
     ON CONFLICT ("chain_id") DO NOTHING`,
    [chainId, GENESIS_HASH],
  );
  const [head] = await manager.query(
    `SELECT "seq", "entry_hash", clock_timestamp() AS "now" FROM "${schema}"."audit_chain_head" WHERE "chain_id" = $1 FOR UPDATE`,
    [chainId],
  );
  const seq = Number(head.seq) + 1;
  const at = (head.now as Date).toISOString();
  const canonical = canonicalContent({
    recordType: entry.recordType,
    recordId: entry.recordId,
    journeyId: entry.journeyId ?? null,
    action: entry.action,
    actor: { userId: entry.actor.userId, role: entry.actor.role },
    at,
    reason: entry.reason ?? null,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue,
  });
  const hashed = { contentHash: contentHash(canonical), prevHash: head.entry_hash as string };
  const hash = entryHash({ chainId, seq, ...hashed });
  await manager.query(
    `INSERT INTO "${schema}"."audit_entry" ("chain_id", "seq", "record_type", "record_id", "journey_id", "action",
       "actor_user_id", "actor_role", "at", "reason", "canonical_content", "content_hash", "prev_hash", "entry_hash")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      chainId,
      seq,
      entry.recordType,
      entry.recordId,
      entry.journeyId ?? null,
      entry.action,
      entry.actor.userId,
      entry.actor.role,
      at,
      entry.reason ?? null,
      canonical,
      hashed.contentHash,
      hashed.prevHash,
      hash,
    ],
  );
  await manager.query(
    `UPDATE "${schema}"."audit_chain_head" SET "seq" = $2, "entry_hash" = $3 WHERE "chain_id" = $1`,
    [chainId, seq, hash],
  );
}
