import { runInfraScript } from '../../tools/platform/infra';
import { migratePlatform } from '../../tools/platform/migrate';

/** Integration tests run against the real servers: start them (idempotent) and migrate. */
export default async function integrationGlobalSetup(): Promise<void> {
  runInfraScript('up');
  await migratePlatform(() => undefined);
}
