import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { consoleUrl } from '../../tools/platform/console-process';

const ROOT = path.resolve(__dirname, '../..');
/** Screenshots and failure traces: kept after the run, in the ignored .data folder. */
export const ARTIFACTS = path.join(ROOT, '.data/console');

/**
 * The console tier: Debian's Chromium (Playwright's own browser download is not reachable
 * here) against the real stack, started exactly as `npm start` does (the console included);
 * a platform already running on the console's port is used as it is. Two workers (files run
 * side by side, the tests of a file in turn): each test makes journeys of its own, and a
 * batch step waits while another journey's step holds its room (`bookWhenRoomFree`), so the
 * files share the one stack as a factory's users do. CONSOLE_WORKERS=1 runs them one by one.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '*.spec.ts',
  outputDir: path.join(ARTIFACTS, 'results'),
  workers: Number(process.env.CONSOLE_WORKERS ?? 2),
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: consoleUrl(),
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  webServer: {
    command: 'node -r @swc-node/register tools/platform/start.ts',
    cwd: ROOT,
    // The console as it ships (its Vite build), not the dev server: see console-process.ts.
    env: { KEEP_INFRA: '1', CONSOLE_SERVE: 'build' },
    url: consoleUrl(),
    reuseExistingServer: true,
    timeout: 300_000,
    gracefulShutdown: { signal: 'SIGINT', timeout: 30_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
