import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedDemoProduction } from '../../tools/platform/demo-production.seeder';
import { seedDemoUsers } from '../../tools/platform/demo-users.seeder';
import { runInfraScript } from '../../tools/platform/infra';
import { migratePlatform } from '../../tools/platform/migrate';
import { RunningPlatform, startPlatformProcesses } from '../../tools/platform/platform-processes';

const LOG = path.resolve(__dirname, '../../.data/logs/e2e-platform.log');

/**
 * End-to-end tests drive the whole stack as separate processes, exactly as `npm start`
 * runs it, with its demo users (the admin among them). App output goes to
 * .data/logs/e2e-platform.log so a failure can be read.
 */
export default async function e2eGlobalSetup(): Promise<void> {
  runInfraScript('up');
  await migratePlatform(() => undefined);
  await seedDemoUsers(() => undefined);
  await seedDemoProduction(() => undefined);
  mkdirSync(path.dirname(LOG), { recursive: true });
  const platform = await startPlatformProcesses({
    log: (line) => appendFileSync(LOG, `${line}\n`),
    output: (name, line) => appendFileSync(LOG, `[${name}] ${line}\n`),
  });
  (globalThis as { __v2vPlatform?: RunningPlatform }).__v2vPlatform = platform;
}
