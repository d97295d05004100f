import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const script = (name: string) => path.join(ROOT, 'tools/infra', `${name}.sh`);

/** Runs one of the infrastructure scripts (tools/infra), streaming its progress lines. */
export function runInfraScript(name: 'up' | 'down' | 'status'): void {
  const result = spawnSync('bash', [script(name)], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`tools/infra/${name}.sh failed with exit code ${result.status}`);
  }
}

/**
 * As `runInfraScript`, without blocking the caller while it runs (the fault suite's journeys go
 * on meanwhile); its output goes to `output`. Resolves with the script's exit code.
 */
export function runInfraScriptInBackground(
  name: 'up',
  output: (chunk: string) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script(name)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => output(chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}
