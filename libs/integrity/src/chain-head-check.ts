import { ChainBreak, StoredEntry, verifyChain } from './verify-chain';

/**
 * Where a chain stands: its last entry's seq and hash (seq 0 and the genesis hash before the
 * first).
 */
export interface ChainHead {
  chainId: string;
  seq: number;
  entryHash: string;
}

/**
 * Recomputes one chain and checks it ends where its head row says. The chain alone cannot show
 * that entries were removed from its end; the head can (SEQUENCE_GAP after the last entry left),
 * and a chain with entries but no head, or a head on another hash, no longer links
 * (CHAIN_LINK_MISMATCH). `head` is undefined when the chain has no head row.
 */
export function verifyChainAgainstHead(
  chainId: string,
  entries: StoredEntry[],
  head: ChainHead | undefined,
): ChainBreak | undefined {
  const broken = verifyChain(entries);
  if (broken) return broken;
  const last = entries.at(-1);
  if (!head) return last ? { chainId, seq: last.seq, reason: 'CHAIN_LINK_MISMATCH' } : undefined;
  const lastSeq = last?.seq ?? 0;
  if (lastSeq < head.seq) return { chainId, seq: lastSeq + 1, reason: 'SEQUENCE_GAP' };
  if (lastSeq > head.seq || last?.entryHash !== head.entryHash)
    return { chainId, seq: head.seq, reason: 'CHAIN_LINK_MISMATCH' };
  return undefined;
}
