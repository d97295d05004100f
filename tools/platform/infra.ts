import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Runs one of the infrastructure scripts (tools/infra), streaming its progress lines. */
export function runInfraScript(script: 'up' | 'down' | 'status'): void {
  const result = spawnSync('bash', [path.join(ROOT, 'tools/infra', `${script}.sh`)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`tools/infra/${script}.sh failed with exit code ${result.status}`);
  }
}
