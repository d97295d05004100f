import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedDemoProduction } from './demo-production.seeder';
import { seedDemoUsers } from './demo-users.seeder';
import { runInfraScript } from './infra';
import { migratePlatform } from './migrate';
import { RunningPlatform, startPlatformProcesses } from './platform-processes';

/**
 * The whole stack as separate processes, exactly as `npm start` runs it, with its demo users
 * (the admin among them) and demo production, for the e2e tier and the fault suite: the servers
 * (started if needed), migrations, seeding, then every app and the journey worker. Their output
 * goes to `logFile`, so a failure can be read; `env` is added to the apps' environment.
 */
export async function startPlatformForTests(
  logFile: string,
  env?: NodeJS.ProcessEnv,
): Promise<RunningPlatform> {
  runInfraScript('up');
  await migratePlatform(() => undefined);
  await seedDemoUsers(() => undefined);
  await seedDemoProduction(() => undefined);
  mkdirSync(path.dirname(logFile), { recursive: true });
  return startPlatformProcesses({
    log: (line) => appendFileSync(logFile, `${line}\n`),
    output: (name, line) => appendFileSync(logFile, `[${name}] ${line}\n`),
    env,
  });
}
