import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The console's fixed port (apps/console/vite.config.ts); `/api` is proxied to the gateway. */
export const CONSOLE_PORT = 3001;
export const consoleUrl = () => `http://127.0.0.1:${CONSOLE_PORT}`;

/**
 * The console as Vite's dev server: no build step before `npm start` answers, edits show at
 * once, and the same origin serves `/api` (proxied to the gateway), so the browser needs no
 * CORS. Resolves once the page answers; `stop()` ends the server.
 */
export async function startConsole(options: {
  output?: (line: string) => void;
  timeoutMs?: number;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), '--config', 'vite.config.ts'],
    { cwd: path.join(ROOT, 'apps/console'), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line) options.output?.(line);
    });
  const stop = () => terminate(child);
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`console exited early (code ${child.exitCode})`);
    try {
      if ((await fetch(consoleUrl(), { signal: AbortSignal.timeout(2000) })).ok)
        return { url: consoleUrl(), stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`console not ready after ${options.timeoutMs ?? 60_000} ms`);
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
