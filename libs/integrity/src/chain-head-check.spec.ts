import { verifyChainAgainstHead } from './chain-head-check';
import { canonicalContent, contentHash, entryHash, GENESIS_HASH } from './hash-chain';
import type { StoredEntry } from './verify-chain';

/** A chain of `length` entries built with the primitives, and the head that ends it. */
async function chainOf(length: number) {
  const donorCode = 'A999926000001007';
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const canonical = canonicalContent({ messageType: 'batch.started.v1', seq });
    const hashed = { chainId: donorCode, seq, prevHash, contentHash: contentHash(canonical) };
    const entry = { ...hashed, canonicalContent: canonical, entryHash: entryHash(hashed) };
    entries.push(entry);
    prevHash = entry.entryHash;
  }
  const head = { chainId: donorCode, seq: length, entryHash: prevHash };
  return { donorCode, entries, head };
}

describe('a chain checked against its head row', () => {
  it('accepts an intact chain that ends at its head', async () => {
    const { donorCode, entries, head } = await chainOf(3);
    expect(verifyChainAgainstHead(donorCode, entries, head)).toBeUndefined();
  });

  it('names entries removed from the end as SEQUENCE_GAP after the last one left', async () => {
    const { donorCode, entries, head } = await chainOf(3);
    expect(verifyChainAgainstHead(donorCode, entries.slice(0, 1), head)).toEqual({
      chainId: donorCode,
      seq: 2,
      reason: 'SEQUENCE_GAP',
    });
    expect(verifyChainAgainstHead(donorCode, [], head)).toEqual({
      chainId: donorCode,
      seq: 1,
      reason: 'SEQUENCE_GAP',
    });
  });

  it('names a head that points elsewhere, or is missing, as CHAIN_LINK_MISMATCH', async () => {
    const { donorCode, entries, head } = await chainOf(2);
    expect(
      verifyChainAgainstHead(donorCode, entries, { ...head, entryHash: 'f'.repeat(64) }),
    ).toEqual({ chainId: donorCode, seq: 2, reason: 'CHAIN_LINK_MISMATCH' });
    expect(verifyChainAgainstHead(donorCode, entries, { ...head, seq: 1 })).toEqual({
      chainId: donorCode,
      seq: 1,
      reason: 'CHAIN_LINK_MISMATCH',
    });
    expect(verifyChainAgainstHead(donorCode, entries, undefined)).toEqual({
      chainId: donorCode,
      seq: 2,
      reason: 'CHAIN_LINK_MISMATCH',
    });
  });

  it('reports a break inside the chain before comparing with the head', async () => {
    const { donorCode, entries, head } = await chainOf(3);
    const edited = entries.map((e) =>
      e.seq === 2 ? { ...e, canonicalContent: e.canonicalContent.replace('batch', 'BATCH') } : e,
    );
    expect(verifyChainAgainstHead(donorCode, edited, head)).toEqual({
      chainId: donorCode,
      seq: 2,
      reason: 'CONTENT_HASH_MISMATCH',
    });
  });
});
