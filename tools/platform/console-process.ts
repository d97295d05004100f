import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** The console's fixed port (apps/console/vite.config.ts); `/api` is proxied to the gateway. */
export const CONSOLE_PORT = 3001;
export const consoleUrl = () => `http://127.0.0.1:${CONSOLE_PORT}`;

/**
 * The console as Vite's dev server: no build step before `npm start` answers, edits show at
 * once, and the same origin serves `/api` (proxied to the gateway), so the browser needs no
 * CORS. With `CONSOLE_SERVE=build` (the console tier's setting) it is built first and served
 * as it ships, by `vite preview` with the same proxy: a page then loads one bundle instead of
 * the dev server's hundreds of modules, each transformed on request, which on two cores was
 * most of a browser test's time. Resolves once the page answers; `stop()` ends the server.
 */
export async function startConsole(options: {
  output?: (line: string) => void;
  timeoutMs?: number;
}): Promise<{ url: string; stop(): Promise<void> }> {
  // Vite lets the shell's NODE_ENV decide which React and antd a build bundles: under the
  // test runners' NODE_ENV=test the "build" was their development flavour (StrictMode's double
  // effects, dev-only checks), several times slower in the browser than what ships.
  const vite = (nodeEnv: string, ...args: string[]) =>
    spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), ...args], {
      cwd: path.join(ROOT, 'apps/console'),
      env: { ...process.env, NODE_ENV: nodeEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const serveBuild = process.env.CONSOLE_SERVE === 'build';
  if (serveBuild)
    await built(vite('production', 'build', '--config', 'vite.config.ts'), options.output);
  const child = serveBuild
    ? vite('production', 'preview', '--config', 'vite.config.ts')
    : vite('development', '--config', 'vite.config.ts');
  passOutput(child, options.output);
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

/** Until `vite build` has written the console, its output passed on; a failed build throws. */
function built(child: ChildProcess, output?: (line: string) => void): Promise<void> {
  passOutput(child, output);
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`console build failed (code ${code})`)),
    ),
  );
}

function passOutput(child: ChildProcess, output?: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line) output?.(line);
    });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
