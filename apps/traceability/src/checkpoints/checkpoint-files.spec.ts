import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignedCheckpoint } from '@v2v/integrity';
import { readCheckpointConfig } from './checkpoint-config';
import { latestCheckpointFile, writeCheckpointFile } from './checkpoint-files';
import { ledgerCheckpointProcess } from './checkpoint-process';
import { TakeLedgerCheckpointUseCase } from './usecases/take-ledger-checkpoint.usecase';

const checkpointAt = (takenAt: string): SignedCheckpoint => ({
  kind: 'ledger',
  takenAt,
  heads: [{ chainId: 'A', seq: 1, entryHash: 'a'.repeat(64) }],
  signature: 'c2lnbmVk',
});

describe('checkpoint files and their configuration', () => {
  it('defaults to every 300 s into .data/checkpoints and refuses an invalid interval', () => {
    expect(readCheckpointConfig({})).toEqual({
      intervalSeconds: 300,
      directory: '.data/checkpoints',
    });
    expect(
      readCheckpointConfig({ CHECKPOINT_INTERVAL_SECONDS: '60', CHECKPOINT_DIR: '/w' }),
    ).toEqual({ intervalSeconds: 60, directory: '/w' });
    for (const bad of ['0', 'five', '1.5'])
      expect(() => readCheckpointConfig({ CHECKPOINT_INTERVAL_SECONDS: bad })).toThrow(
        /CHECKPOINT_INTERVAL_SECONDS/,
      );
  });

  it('adds a file per checkpoint, never overwrites one, and reads back the latest', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'v2v-checkpoints-')), 'nested');
    expect(await latestCheckpointFile(dir)).toBeUndefined();
    await writeCheckpointFile(dir, checkpointAt('2026-12-01T10:00:00.000Z'));
    await writeCheckpointFile(dir, checkpointAt('2026-12-01T10:05:00.000Z'));
    await expect(
      writeCheckpointFile(dir, checkpointAt('2026-12-01T10:00:00.000Z')),
    ).rejects.toThrow(/EEXIST/);
    expect(readdirSync(dir)).toHaveLength(2);
    expect((await latestCheckpointFile(dir))?.checkpoint.takenAt).toBe('2026-12-01T10:05:00.000Z');
  });

  it('takes a checkpoint when it starts and reports where it wrote it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'v2v-checkpoints-'));
    const take = {
      execute: async () => checkpointAt('2026-12-01T11:00:00.000Z'),
    } as unknown as TakeLedgerCheckpointUseCase;
    const checkpoints = ledgerCheckpointProcess(take, { intervalSeconds: 300, directory: dir });
    await checkpoints.start();
    await checkpoints.stop();
    const health = await checkpoints.health();
    expect(health.healthy).toBe(true);
    expect(health.detail.lastFile).toBe(
      join(dir, 'ledger-checkpoint-2026-12-01T11-00-00.000Z.json'),
    );
    expect(readdirSync(dir)).toEqual(['ledger-checkpoint-2026-12-01T11-00-00.000Z.json']);
  });
});
