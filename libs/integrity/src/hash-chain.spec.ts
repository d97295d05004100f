import { canonicalContent, contentHash, entryHash, GENESIS_HASH, headsHash } from './hash-chain';
import { StoredEntry, verifyChain } from './verify-chain';

function chain(contents: unknown[], chainId = 'A99991500000100M'): StoredEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((content, i) => {
    const canonical = canonicalContent(content);
    const entry = {
      chainId,
      seq: i + 1,
      canonicalContent: canonical,
      contentHash: contentHash(canonical),
      prevHash: prev,
    };
    const hash = entryHash(entry);
    prev = hash;
    return { ...entry, entryHash: hash };
  });
}

describe('ledger hashing (RFC 8785 canonical content)', () => {
  it('does not depend on key order', () => {
    expect(canonicalContent({ b: 1, a: { d: [1, 2], c: 'x' } })).toBe(
      canonicalContent({ a: { c: 'x', d: [1, 2] }, b: 1 }),
    );
  });

  it('changes with any change of content', () => {
    expect(contentHash(canonicalContent({ volumeMl: 180 }))).not.toBe(
      contentHash(canonicalContent({ volumeMl: 181 })),
    );
  });

  it('binds an entry to its chain and position', () => {
    const base = { chainId: 'A', seq: 1, prevHash: GENESIS_HASH, contentHash: contentHash('{}') };
    expect(entryHash(base)).not.toBe(entryHash({ ...base, seq: 2 }));
    expect(entryHash(base)).not.toBe(entryHash({ ...base, chainId: 'B' }));
  });

  it('gives one head hash whatever the order of the heads', () => {
    const heads = [
      { chainId: 'B', seq: 2, entryHash: 'b'.repeat(64) },
      { chainId: 'A', seq: 5, entryHash: 'a'.repeat(64) },
    ];
    expect(headsHash(heads)).toBe(headsHash([...heads].reverse()));
  });
});

describe('chain verification', () => {
  const entries = chain([{ step: 1 }, { step: 2 }, { step: 3 }]);

  it('accepts an intact chain', () => {
    expect(verifyChain(entries)).toBeUndefined();
  });

  it('names an edited entry as CONTENT_HASH_MISMATCH', () => {
    const edited = entries.map((e) => (e.seq === 2 ? { ...e, canonicalContent: '{"step":9}' } : e));
    expect(verifyChain(edited)).toEqual({
      chainId: entries[0].chainId,
      seq: 2,
      reason: 'CONTENT_HASH_MISMATCH',
    });
  });

  it('names a re-hashed entry by the broken link after it', () => {
    const canonical = canonicalContent({ step: 9 });
    const edited = entries.map((e) =>
      e.seq === 2 ? { ...e, canonicalContent: canonical, contentHash: contentHash(canonical) } : e,
    );
    expect(verifyChain(edited)).toMatchObject({ seq: 2, reason: 'CHAIN_LINK_MISMATCH' });
  });

  it("names rows reordered (two entries swapped into each other's place) by the broken link", () => {
    const [first, second, third] = entries;
    const reordered = [first, { ...third, seq: 2 }, { ...second, seq: 3 }];
    expect(verifyChain(reordered)).toMatchObject({ seq: 2, reason: 'CHAIN_LINK_MISMATCH' });
  });

  it('names a removed entry as SEQUENCE_GAP', () => {
    expect(verifyChain([entries[0], entries[2]])).toMatchObject({ seq: 3, reason: 'SEQUENCE_GAP' });
  });
});
