import { DataSource, EntityManager } from 'typeorm';
import {
  ChainBreak,
  ChainHead,
  headsHash,
  StoredEntry,
  verifyChainAgainstHead,
} from '@v2v/integrity';

export interface AuditView {
  service: string;
  recordType: string;
  recordId: string;
  journeyId: string | null;
  action: 'create' | 'update';
  actor: { userId: string; role: string };
  at: string;
  reason: string | null;
  oldValue: unknown;
  newValue: unknown;
  entryHash: string;
}

/** Reads and verifies one service's audit trail; what is shown comes from the hashed content. */
export class AuditReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly service: string,
  ) {}

  async byJourney(journeyId: string): Promise<AuditView[]> {
    return this.select(`"journey_id" = $1`, [journeyId]);
  }

  async byRecord(recordType: string, recordId: string): Promise<AuditView[]> {
    return this.select(`"record_type" = $1 AND "record_id" = $2`, [recordType, recordId]);
  }

  /**
   * Recomputes every audit chain of the service and checks each ends at its head, in one
   * snapshot; names the first broken entry. Chains are taken from the entries and the heads
   * alike, so a chain whose head row went missing, or a head without entries, is checked too.
   */
  async verify(): Promise<{
    valid: boolean;
    chainsChecked: number;
    entriesChecked: number;
    firstBroken?: ChainBreak;
    headsHash: string;
  }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const heads: ChainHead[] = await manager.query(
        `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "entry_hash" AS "entryHash"
           FROM "${this.schema}"."audit_chain_head" ORDER BY "chain_id"`,
      );
      const headOf = new Map(heads.map((h) => [h.chainId, h]));
      const chains: Array<{ chain_id: string }> = await manager.query(
        `SELECT "chain_id" FROM "${this.schema}"."audit_chain_head"
         UNION SELECT DISTINCT "chain_id" FROM "${this.schema}"."audit_entry" ORDER BY 1`,
      );
      let chainsChecked = 0;
      let entriesChecked = 0;
      let firstBroken: ChainBreak | undefined;
      for (const { chain_id } of chains) {
        const entries = await this.entriesOf(manager, chain_id);
        chainsChecked += 1;
        entriesChecked += entries.length;
        firstBroken = verifyChainAgainstHead(chain_id, entries, headOf.get(chain_id));
        if (firstBroken) break;
      }
      return {
        valid: !firstBroken,
        chainsChecked,
        entriesChecked,
        ...(firstBroken ? { firstBroken } : {}),
        headsHash: headsHash(heads),
      };
    });
  }

  private entriesOf(manager: EntityManager, chainId: string): Promise<StoredEntry[]> {
    return manager.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "canonical_content" AS "canonicalContent",
              "content_hash" AS "contentHash", "prev_hash" AS "prevHash", "entry_hash" AS "entryHash"
         FROM "${this.schema}"."audit_entry" WHERE "chain_id" = $1 ORDER BY "seq"`,
      [chainId],
    );
  }

  private async select(where: string, params: unknown[]): Promise<AuditView[]> {
    const rows: Array<{ canonical_content: string; entry_hash: string }> =
      await this.dataSource.query(
        `SELECT "canonical_content", "entry_hash" FROM "${this.schema}"."audit_entry" WHERE ${where} ORDER BY "at", "chain_id", "seq"`,
        params,
      );
    return rows.map((r) => ({
      service: this.service,
      ...(JSON.parse(r.canonical_content) as Omit<AuditView, 'service' | 'entryHash'>),
      entryHash: r.entry_hash,
    }));
  }
}
