import { contentHash, GENESIS_HASH } from '@v2v/integrity';
import { custodyEnvelope, newDonorCode } from './__tests__/in-memory-ledger';
import { emptyChainHead, nextLedgerEntry } from './ledger-entry';

/** Rebuilds an object with its keys in reverse order, recursively. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('ledger entry hashing', () => {
  const donorCode = newDonorCode();
  const envelope = custodyEnvelope(donorCode, 'donor-material.collected.v1', {
    detail: { volumeMl: 180, bags: ['A', 'B'] },
  });
  const first = nextLedgerEntry(emptyChainHead(donorCode), envelope);

  it('stores exactly the bytes it hashed, and the whole envelope', () => {
    expect(first.contentHash).toBe(contentHash(first.canonicalContent));
    expect(JSON.parse(first.canonicalContent)).toEqual(envelope);
  });

  it('does not depend on the key order of the event', () => {
    const reordered = nextLedgerEntry(
      emptyChainHead(donorCode),
      reversedKeys(envelope) as typeof envelope,
    );
    expect(Object.keys(reversedKeys(envelope) as object)[0]).not.toBe(Object.keys(envelope)[0]);
    expect(reordered.canonicalContent).toBe(first.canonicalContent);
    expect(reordered.entryHash).toBe(first.entryHash);
  });

  it.each([
    [
      'a detail value',
      {
        ...envelope,
        payload: { ...envelope.payload, detail: { volumeMl: 181, bags: ['A', 'B'] } },
      },
    ],
    [
      'an array order',
      {
        ...envelope,
        payload: { ...envelope.payload, detail: { volumeMl: 180, bags: ['B', 'A'] } },
      },
    ],
    ['the time', { ...envelope, occurredAt: '2026-01-01T00:00:00.000Z' }],
    ['the producer', { ...envelope, metadata: { producer: 'someone-else' } }],
  ])('changes both hashes with any change of content: %s', (_what, changed) => {
    const entry = nextLedgerEntry(emptyChainHead(donorCode), changed);
    expect(entry.contentHash).not.toBe(first.contentHash);
    expect(entry.entryHash).not.toBe(first.entryHash);
  });

  it('starts a chain at seq 1 on 64 zeros and links each entry to the one before', () => {
    expect(first).toMatchObject({
      chainId: donorCode,
      seq: 1,
      prevHash: GENESIS_HASH,
      eventId: envelope.id,
      producer: 'unit-test',
    });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const second = nextLedgerEntry(
      { chainId: donorCode, seq: first.seq, entryHash: first.entryHash },
      custodyEnvelope(donorCode, 'batch.started.v1'),
    );
    expect(second).toMatchObject({ seq: 2, prevHash: first.entryHash });
  });

  it('gives the same content a different entry hash at another position or on another chain', () => {
    const elsewhere = nextLedgerEntry(emptyChainHead(newDonorCode()), envelope);
    const later = nextLedgerEntry(
      { chainId: donorCode, seq: 4, entryHash: first.entryHash },
      envelope,
    );
    expect(elsewhere.contentHash).toBe(first.contentHash);
    expect(elsewhere.entryHash).not.toBe(first.entryHash);
    expect(later.entryHash).not.toBe(first.entryHash);
  });
});
