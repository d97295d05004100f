import path from 'node:path';
import { startPlatformForTests } from '../../tools/platform/platform-for-tests';
import type { RunningPlatform } from '../../tools/platform/platform-processes';

const LOG = path.resolve(__dirname, '../../.data/logs/e2e-platform.log');

/**
 * End-to-end tests drive the whole stack as separate processes, exactly as `npm start`
 * runs it, with its demo users (the admin among them). App output goes to
 * .data/logs/e2e-platform.log so a failure can be read.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  const platform = await startPlatformForTests(LOG);
  (globalThis as { __v2vPlatform?: RunningPlatform }).__v2vPlatform = platform;
}
