import type { DataSource } from 'typeorm';
import {
  canonicalContent,
  checkpointSigningPrivateKey,
  checkpointSigningPublicKey,
  contentHash,
  entryHash,
  hasValidCheckpointSignature,
} from '@v2v/integrity';
import { SystemClock } from '@v2v/service-kit';
import { envelopeOf } from '../ledger/__tests__/ledger-tampering';
import { LedgerRepository } from '../ledger/ledger.repository';
import { VerifyLedgerUseCase } from '../usecases/verify-ledger.usecase';
import { CheckpointRepository } from './checkpoint.repository';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckLedgerAgainstCheckpointUseCase } from './usecases/check-ledger-against-checkpoint.usecase';
import { ExportLedgerChainUseCase } from './usecases/export-ledger-chain.usecase';
import { TakeLedgerCheckpointUseCase } from './usecases/take-ledger-checkpoint.usecase';
import { ledgerDatabases, newChainDonorCode } from '../ledger/__tests__/ledger-databases';

// Real PostgreSQL, the traceability schema as migrated. `owner` has the schema owner's rights,
// the tamperer who can switch triggers off; `service` is the services' role.
let owner: DataSource;
let service: DataSource;
beforeAll(async () => {
  ({ owner, service } = await ledgerDatabases());
});

afterAll(async () => {
  await service?.destroy();
  await owner?.destroy();
});

const donorCode = () => newChainDonorCode('I0003');

const dev = { NODE_ENV: 'test' };

/**
 * What the owner can do with the triggers off: rewrite the chain from `fromSeq` on with other
 * content, every hash recomputed with the integrity primitives, and move the head with it, so
 * that the chain is consistent again.
 */
async function rewriteChainConsistently(chainId: string, fromSeq: number) {
  await owner.transaction(async (m) => {
    const rows: Array<{ seq: number; canonical_content: string; prev_hash: string }> =
      await m.query(
        `SELECT seq::int AS seq, canonical_content, prev_hash FROM traceability.ledger_entry
          WHERE chain_id = $1 ORDER BY seq`,
        [chainId],
      );
    await m.query(`ALTER TABLE traceability.ledger_entry DISABLE TRIGGER USER`);
    await m.query(`ALTER TABLE traceability.ledger_chain_head DISABLE TRIGGER USER`);
    let prevHash = rows[fromSeq - 1].prev_hash;
    for (const row of rows.slice(fromSeq - 1)) {
      const content = JSON.parse(row.canonical_content);
      content.payload.summary = `rewritten ${row.seq}`;
      const canonical = canonicalContent(content);
      const hashed = { chainId, seq: row.seq, prevHash, contentHash: contentHash(canonical) };
      const hash = entryHash(hashed);
      await m.query(
        `UPDATE traceability.ledger_entry
            SET canonical_content = $3, content_hash = $4, prev_hash = $5, entry_hash = $6
          WHERE chain_id = $1 AND seq = $2`,
        [chainId, row.seq, canonical, hashed.contentHash, prevHash, hash],
      );
      prevHash = hash;
    }
    await m.query(`UPDATE traceability.ledger_chain_head SET entry_hash = $2 WHERE chain_id = $1`, [
      chainId,
      prevHash,
    ]);
    await m.query(`ALTER TABLE traceability.ledger_chain_head ENABLE TRIGGER USER`);
    await m.query(`ALTER TABLE traceability.ledger_entry ENABLE TRIGGER USER`);
  });
}

describe('signed checkpoints of the ledger (CSV-01, TRC-01)', () => {
  it('CSV-01 TRC-01 catches a chain the owner rewrote consistently with the triggers off, which ledger verify passes', async () => {
    const chain = donorCode();
    const ledger = new LedgerRepository(service);
    const checkpoints = new CheckpointRepository(service);
    const signer = new CheckpointSigner(checkpointSigningPrivateKey(dev), new SystemClock());
    await service.transaction(async (m) => {
      for (let i = 1; i <= 3; i++) await ledger.append(m, chain, envelopeOf(chain, i));
    });

    const checkpoint = await new TakeLedgerCheckpointUseCase(ledger, signer).execute();
    expect(hasValidCheckpointSignature(checkpoint, checkpointSigningPublicKey(dev))).toBe(true);
    expect(checkpoint.heads).toContainEqual(expect.objectContaining({ chainId: chain, seq: 3 }));
    const check = new CheckLedgerAgainstCheckpointUseCase(ledger, checkpoints);
    const ours = (findings: Array<{ chainId: string }>) =>
      findings.filter((f) => f.chainId === chain);
    expect(ours(await check.execute(checkpoint))).toEqual([]);

    await rewriteChainConsistently(chain, 2);

    const verify = await new VerifyLedgerUseCase(ledger).execute({ donorCode: chain });
    expect(verify).toMatchObject({ valid: true, entriesChecked: 3 });
    expect(ours(await check.execute(checkpoint))).toEqual([
      { chainId: chain, seq: 3, reason: 'REWRITTEN_SINCE_CHECKPOINT' },
    ]);
  });

  it('TRC-01 exports a chain as stored with a signed checkpoint of its head', async () => {
    const chain = donorCode();
    const ledger = new LedgerRepository(service);
    const signer = new CheckpointSigner(checkpointSigningPrivateKey(dev), new SystemClock());
    await service.transaction(async (m) => {
      for (let i = 1; i <= 2; i++) await ledger.append(m, chain, envelopeOf(chain, i));
    });
    const exported = await new ExportLedgerChainUseCase(
      ledger,
      new CheckpointRepository(service),
      signer,
    ).execute(chain);
    expect(exported.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(exported.checkpoint.heads).toEqual([
      { chainId: chain, seq: 2, entryHash: exported.entries[1].entryHash },
    ]);
    expect(hasValidCheckpointSignature(exported.checkpoint, checkpointSigningPublicKey(dev))).toBe(
      true,
    );
  });
});
