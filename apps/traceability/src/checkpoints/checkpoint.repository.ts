import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChainHead } from '@v2v/integrity';

const S = '"traceability"';

/** The checkpoints' reads of the ledger: one head, and the entries a checkpoint points at. */
@Injectable()
export class CheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async head(chainId: string, manager = this.dataSource.manager): Promise<ChainHead | undefined> {
    const rows: ChainHead[] = await manager.query(
      `SELECT "chain_id" AS "chainId", "seq"::int AS "seq", "entry_hash" AS "entryHash"
         FROM ${S}."ledger_chain_head" WHERE "chain_id" = $1`,
      [chainId],
    );
    return rows[0];
  }

  /** The entries now at each checkpointed position (absent where none is left). */
  async entriesAt(heads: ChainHead[], manager = this.dataSource.manager): Promise<ChainHead[]> {
    return manager.query(
      `SELECT e."chain_id" AS "chainId", e."seq"::int AS "seq", e."entry_hash" AS "entryHash"
         FROM ${S}."ledger_entry" e
         JOIN unnest($1::text[], $2::bigint[]) AS p("chain_id", "seq")
           ON e."chain_id" = p."chain_id" AND e."seq" = p."seq"`,
      [heads.map((h) => h.chainId), heads.map((h) => h.seq)],
    );
  }
}
