import { contentHash, entryHash, GENESIS_HASH } from './hash-chain';

export interface StoredEntry {
  chainId: string;
  seq: number;
  canonicalContent: string;
  contentHash: string;
  prevHash: string;
  entryHash: string;
}

export type BreakReason = 'CONTENT_HASH_MISMATCH' | 'CHAIN_LINK_MISMATCH' | 'SEQUENCE_GAP';

export interface ChainBreak {
  chainId: string;
  seq: number;
  reason: BreakReason;
}

/** Recomputes one chain from its stored content; returns the first broken entry, if any. */
export function verifyChain(entries: StoredEntry[]): ChainBreak | undefined {
  let prev = GENESIS_HASH;
  for (const [index, e] of entries.entries()) {
    if (e.seq !== index + 1) return { chainId: e.chainId, seq: e.seq, reason: 'SEQUENCE_GAP' };
    if (contentHash(e.canonicalContent) !== e.contentHash) {
      return { chainId: e.chainId, seq: e.seq, reason: 'CONTENT_HASH_MISMATCH' };
    }
    const expected = entryHash({
      chainId: e.chainId,
      seq: e.seq,
      prevHash: prev,
      contentHash: e.contentHash,
    });
    if (e.prevHash !== prev || e.entryHash !== expected) {
      return { chainId: e.chainId, seq: e.seq, reason: 'CHAIN_LINK_MISMATCH' };
    }
    prev = e.entryHash;
  }
  return undefined;
}
