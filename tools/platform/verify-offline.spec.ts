import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalContent,
  checkpointContent,
  checkpointSigningPrivateKey,
  contentHash,
  entryHash,
  GENESIS_HASH,
  signCheckpoint,
} from '@v2v/integrity';
import { verifyExportFile } from './verify-offline';

const dir = mkdtempSync(join(tmpdir(), 'v2v-verify-'));
const dev = { NODE_ENV: 'test' };
const CHAIN = 'A99992600000200Y';

function exportFile(name: string, privateKey = checkpointSigningPrivateKey(dev)): string {
  const canonical = canonicalContent({ messageType: 'donor.registered.v1' });
  const hashed = {
    chainId: CHAIN,
    seq: 1,
    prevHash: GENESIS_HASH,
    contentHash: contentHash(canonical),
  };
  const entry = { ...hashed, canonicalContent: canonical, entryHash: entryHash(hashed) };
  const checkpoint = signCheckpoint(
    checkpointContent('ledger', '2026-12-01T10:00:00.000Z', [
      { chainId: CHAIN, seq: 1, entryHash: entry.entryHash },
    ]),
    privateKey,
  );
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ ledger: { chainId: CHAIN, entries: [entry], checkpoint } }));
  return path;
}

describe('the offline verifier of an export file (CSV-01)', () => {
  it('CSV-01 finds an intact export intact, with the development key under NODE_ENV=test', () => {
    const result = verifyExportFile(exportFile('intact.json'), undefined, dev);
    expect(result.findings).toEqual([]);
    expect(result.summary).toMatch(/^intact +chain A99992600000200Y +1 entries/);
  });

  it('CSV-01 refuses a checkpoint signed with another key than the one given', () => {
    const other = generateKeyPairSync('ed25519');
    const keyFile = join(dir, 'other.pem');
    writeFileSync(keyFile, other.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const file = exportFile('other-key.json');
    expect(verifyExportFile(file, keyFile).findings).toEqual([
      expect.stringContaining('CHECKPOINT_SIGNATURE_INVALID'),
    ]);
    const signedByOther = exportFile('signed-by-other.json', other.privateKey);
    expect(verifyExportFile(signedByOther, keyFile).findings).toEqual([]);
  });

  it('CSV-01 fails closed without a public key outside development and test', () => {
    expect(() => verifyExportFile(exportFile('no-key.json'), undefined, {})).toThrow(
      /CHECKPOINT_SIGNING_PUBLIC_KEY/,
    );
  });

  it('CSV-01 names a file that is not a journey export', () => {
    const path = join(dir, 'not-an-export.json');
    writeFileSync(path, JSON.stringify({ hello: 'inspector' }));
    expect(() => verifyExportFile(path, undefined, dev)).toThrow(/not a journey export/);
  });
});
