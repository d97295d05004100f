import { seedDemoProduction } from '../../tools/platform/demo-production.seeder';
import { seedDemoUsers } from '../../tools/platform/demo-users.seeder';
import { runInfraScript } from '../../tools/platform/infra';
import { migratePlatform } from '../../tools/platform/migrate';

/**
 * Integration tests run against the real servers: start them (idempotent), migrate, seed the demo
 * users.
 */
export default async function integrationGlobalSetup(): Promise<void> {
  runInfraScript('up');
  await migratePlatform(() => undefined);
  await seedDemoUsers(() => undefined);
  await seedDemoProduction(() => undefined);
}
