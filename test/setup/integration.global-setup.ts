import { randomInt } from 'node:crypto';
import {
  RUN_DAY_ENV,
  RUN_SLOT_ENV,
} from '../../apps/production/src/batch-record/__tests__/run-day';
import { seedDemoProduction } from '../../tools/platform/demo-production.seeder';
import { seedDemoUsers } from '../../tools/platform/demo-users.seeder';
import { runInfraScript } from '../../tools/platform/infra';
import { migratePlatform } from '../../tools/platform/migrate';

/**
 * Integration tests run against the real servers: start them (idempotent), migrate, seed the demo
 * users.
 */
export default async function integrationGlobalSetup(): Promise<void> {
  // One day and slot for every batch-record spec of this run (their workers inherit the env).
  process.env[RUN_DAY_ENV] ??= String(randomInt(3, 45));
  process.env[RUN_SLOT_ENV] ??= String(randomInt(0, 18));
  runInfraScript('up');
  await migratePlatform(() => undefined);
  await seedDemoUsers(() => undefined);
  await seedDemoProduction(() => undefined);
}
