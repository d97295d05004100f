import { generateKeyPairSync } from 'node:crypto';
import {
  checkChainsAgainstCheckpoint,
  checkpointContent,
  checkpointSigningPrivateKey,
  checkpointSigningPublicKey,
  hasValidCheckpointSignature,
  signCheckpoint,
} from './checkpoint';
import { canonicalContent, contentHash, entryHash, GENESIS_HASH } from './hash-chain';
import { StoredEntry, verifyChain } from './verify-chain';

/** A chain built with the primitives; `rewrite` changes it consistently from a seq on. */
function chainOf(chainId: string, length: number, rewrite?: { from: number }): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const rewritten = rewrite !== undefined && seq >= rewrite.from;
    const canonical = canonicalContent({ seq, volumeMl: rewritten ? 90 : 180 });
    const hashed = { chainId, seq, prevHash, contentHash: contentHash(canonical) };
    const entry = { ...hashed, canonicalContent: canonical, entryHash: entryHash(hashed) };
    entries.push(entry);
    prevHash = entry.entryHash;
  }
  return entries;
}

const headOf = (entries: StoredEntry[]) => {
  const last = entries.at(-1)!;
  return { chainId: last.chainId, seq: last.seq, entryHash: last.entryHash };
};

const dev = { NODE_ENV: 'test' };
const TAKEN_AT = '2026-12-01T10:00:00.000Z';

describe('signed checkpoints of chain heads (CSV-01, TRC-01)', () => {
  it('CSV-01 has one canonical content whatever the order of the heads', () => {
    const a = { chainId: 'A', seq: 3, entryHash: 'a'.repeat(64) };
    const b = { chainId: 'B', seq: 1, entryHash: 'b'.repeat(64) };
    const one = checkpointContent('ledger', TAKEN_AT, [b, a]);
    expect(one).toEqual({ kind: 'ledger', takenAt: TAKEN_AT, heads: [a, b] });
    const key = checkpointSigningPrivateKey(dev);
    expect(signCheckpoint(one, key).signature).toBe(
      signCheckpoint(checkpointContent('ledger', TAKEN_AT, [a, b]), key).signature,
    );
  });

  it('CSV-01 verifies a signature over exactly the signed heads, time and kind', () => {
    const heads = [headOf(chainOf('A', 2))];
    const signed = signCheckpoint(
      checkpointContent('ledger', TAKEN_AT, heads),
      checkpointSigningPrivateKey(dev),
    );
    const publicKey = checkpointSigningPublicKey(dev);
    expect(hasValidCheckpointSignature(signed, publicKey)).toBe(true);
    const moved = { ...signed, heads: [{ ...heads[0], seq: 1 }] };
    expect(hasValidCheckpointSignature(moved, publicKey)).toBe(false);
    expect(
      hasValidCheckpointSignature({ ...signed, takenAt: TAKEN_AT.replace('10', '11') }, publicKey),
    ).toBe(false);
    expect(hasValidCheckpointSignature({ ...signed, kind: 'audit:production' }, publicKey)).toBe(
      false,
    );
    expect(
      hasValidCheckpointSignature({ ...signed, signature: 'not base64 at all' }, publicKey),
    ).toBe(false);
  });

  it('CSV-01 refuses a checkpoint signed with another key', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const forged = signCheckpoint(checkpointContent('ledger', TAKEN_AT, []), other);
    expect(hasValidCheckpointSignature(forged, checkpointSigningPublicKey(dev))).toBe(false);
  });

  it('CSV-01 accepts chains that are unchanged or have grown since the checkpoint', () => {
    const chain = chainOf('A', 3);
    const checkpoint = checkpointContent('ledger', TAKEN_AT, [
      headOf(chain.slice(0, 2)),
      { chainId: 'EMPTY', seq: 0, entryHash: GENESIS_HASH },
    ]);
    expect(checkChainsAgainstCheckpoint(new Map([['A', chain]]), checkpoint)).toEqual([]);
  });

  it('CSV-01 TRC-01 names a chain rewritten consistently from seq 2 on, which still verifies', () => {
    const original = chainOf('A', 3);
    const rewritten = chainOf('A', 3, { from: 2 });
    const checkpoint = checkpointContent('ledger', TAKEN_AT, [headOf(original)]);
    expect(verifyChain(rewritten)).toBeUndefined();
    expect(checkChainsAgainstCheckpoint(new Map([['A', rewritten]]), checkpoint)).toEqual([
      { chainId: 'A', seq: 3, reason: 'REWRITTEN_SINCE_CHECKPOINT' },
    ]);
  });

  it('CSV-01 TRC-01 names a chain now shorter than its checkpoint, or missing', () => {
    const a = chainOf('A', 3);
    const b = chainOf('B', 2);
    const checkpoint = checkpointContent('ledger', TAKEN_AT, [headOf(a), headOf(b)]);
    expect(checkChainsAgainstCheckpoint(new Map([['A', a.slice(0, 2)]]), checkpoint)).toEqual([
      { chainId: 'A', seq: 3, reason: 'REWRITTEN_SINCE_CHECKPOINT' },
      { chainId: 'B', seq: 2, reason: 'REWRITTEN_SINCE_CHECKPOINT' },
    ]);
  });
});

describe('the checkpoint keys fail closed (CSV-01)', () => {
  it('CSV-01 refuses to sign or check without a key outside development and test', () => {
    for (const NODE_ENV of ['production', undefined]) {
      expect(() => checkpointSigningPrivateKey({ NODE_ENV })).toThrow(
        /CHECKPOINT_SIGNING_PRIVATE_KEY/,
      );
      expect(() => checkpointSigningPublicKey({ NODE_ENV })).toThrow(
        /CHECKPOINT_SIGNING_PUBLIC_KEY/,
      );
    }
  });

  it('CSV-01 takes a deployment key pair from the environment, not the seal key', () => {
    const pair = generateKeyPairSync('ed25519');
    const env = {
      NODE_ENV: 'production',
      CHECKPOINT_SIGNING_PRIVATE_KEY: pair.privateKey
        .export({ type: 'pkcs8', format: 'pem' })
        .toString(),
      CHECKPOINT_SIGNING_PUBLIC_KEY: pair.publicKey
        .export({ type: 'spki', format: 'pem' })
        .toString(),
    };
    const signed = signCheckpoint(
      checkpointContent('ledger', TAKEN_AT, []),
      checkpointSigningPrivateKey(env),
    );
    expect(hasValidCheckpointSignature(signed, checkpointSigningPublicKey(env))).toBe(true);
    expect(hasValidCheckpointSignature(signed, checkpointSigningPublicKey(dev))).toBe(false);
  });
});
