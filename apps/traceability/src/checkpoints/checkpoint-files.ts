import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SignedCheckpoint } from '@v2v/integrity';

const PREFIX = 'ledger-checkpoint-';

/** `ledger-checkpoint-<takenAt>.json`, colons out: the names sort in the order taken. */
const fileName = (checkpoint: SignedCheckpoint) =>
  `${PREFIX}${checkpoint.takenAt.replace(/:/g, '-')}.json`;

/**
 * Writes a signed checkpoint as a new file; never overwrites one (`wx`), so a checkpoint once
 * written is only ever added to, as on the write-once location a deployment mounts.
 */
export async function writeCheckpointFile(
  directory: string,
  checkpoint: SignedCheckpoint,
): Promise<string> {
  await mkdir(directory, { recursive: true });
  const path = join(directory, fileName(checkpoint));
  await writeFile(path, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
  return path;
}

/** The latest checkpoint file in `directory`, if there is any. */
export async function latestCheckpointFile(
  directory: string,
): Promise<{ path: string; checkpoint: SignedCheckpoint } | undefined> {
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const latest = names
    .filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))
    .sort()
    .at(-1);
  if (!latest) return undefined;
  const path = join(directory, latest);
  return { path, checkpoint: JSON.parse(await readFile(path, 'utf8')) as SignedCheckpoint };
}
