import { generateKeyPairSync } from 'node:crypto';
import { ChainExport, verifyChainExport } from './chain-export';
import {
  checkpointContent,
  checkpointSigningPrivateKey,
  checkpointSigningPublicKey,
  signCheckpoint,
} from './checkpoint';
import { canonicalContent, contentHash, entryHash, GENESIS_HASH } from './hash-chain';
import { StoredEntry } from './verify-chain';

const dev = { NODE_ENV: 'test' };
const CHAIN = 'A99992600000100X';

function exportOf(length: number, privateKey = checkpointSigningPrivateKey(dev)): ChainExport {
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const canonical = canonicalContent({ messageType: 'batch.started.v1', seq });
    const hashed = { chainId: CHAIN, seq, prevHash, contentHash: contentHash(canonical) };
    entries.push({ ...hashed, canonicalContent: canonical, entryHash: entryHash(hashed) });
    prevHash = entries[seq - 1].entryHash;
  }
  const head = { chainId: CHAIN, seq: length, entryHash: prevHash };
  const checkpoint = signCheckpoint(
    checkpointContent('ledger', '2026-12-01T10:00:00.000Z', [head]),
    privateKey,
  );
  return { chainId: CHAIN, entries, checkpoint };
}

const reasons = (exported: ChainExport) =>
  verifyChainExport(exported, checkpointSigningPublicKey(dev)).map((f) => f.reason);

describe('an exported chain checked offline against its signed checkpoint (CSV-01, TRC-01)', () => {
  it('CSV-01 TRC-01 finds nothing wrong with an intact export', () => {
    expect(reasons(exportOf(3))).toEqual([]);
  });

  it('CSV-01 names an entry edited by one byte', () => {
    const exported = exportOf(3);
    exported.entries[1] = {
      ...exported.entries[1],
      canonicalContent: exported.entries[1].canonicalContent.replace('batch', 'Batch'),
    };
    expect(verifyChainExport(exported, checkpointSigningPublicKey(dev))).toEqual([
      expect.objectContaining({ reason: 'CONTENT_HASH_MISMATCH', seq: 2 }),
    ]);
  });

  it('CSV-01 names a chain cut short of its checkpointed head', () => {
    const exported = exportOf(3);
    exported.entries = exported.entries.slice(0, 2);
    expect(verifyChainExport(exported, checkpointSigningPublicKey(dev))).toEqual([
      expect.objectContaining({ reason: 'SEQUENCE_GAP', seq: 3 }),
    ]);
  });

  it('CSV-01 refuses a checkpoint signed with another key, or whose heads were edited', () => {
    const forged = exportOf(2, generateKeyPairSync('ed25519').privateKey);
    expect(reasons(forged)).toEqual(['CHECKPOINT_SIGNATURE_INVALID']);
    const edited = exportOf(2);
    edited.checkpoint = {
      ...edited.checkpoint,
      heads: [{ ...edited.checkpoint.heads[0], seq: 1 }],
    };
    expect(reasons(edited)).toEqual(['CHECKPOINT_SIGNATURE_INVALID', 'CHAIN_LINK_MISMATCH']);
  });

  it('CSV-01 names a checkpoint that holds no head of the exported chain', () => {
    const exported = exportOf(2);
    exported.checkpoint = signCheckpoint(
      checkpointContent('ledger', exported.checkpoint.takenAt, []),
      checkpointSigningPrivateKey(dev),
    );
    expect(reasons(exported)).toEqual(['CHAIN_NOT_IN_CHECKPOINT']);
  });
});
