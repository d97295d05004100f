import { SERVICE_PORTS } from '@v2v/service-kit';
import { TEMPORAL_METRICS_PORTS, temporalUiUrl } from '@v2v/temporal';
import { startConsole } from './console-process';
import { seedDemoProduction } from './demo-production.seeder';
import { seedDemoUsers } from './demo-users.seeder';
import { runInfraScript } from './infra';
import { migratePlatform } from './migrate';
import { startPlatformProcesses } from './platform-processes';

/**
 * `npm start`: infrastructure (unless external servers are configured), migrations, the demo
 * users and the demo product specification and key materials, then every app and the journey
 * worker. Ctrl-C stops it all.
 * A local tool: it runs as NODE_ENV=development unless told otherwise, and the demo seeding
 * refuses anything but development or test.
 */
async function main(): Promise<void> {
  const started = Date.now();
  process.env.NODE_ENV ??= 'development';
  runInfraScript('up');
  await migratePlatform();
  await seedDemoUsers();
  await seedDemoProduction();
  const platform = await startPlatformProcesses({
    output: (name, line) => console.log(`[${name}] ${line}`),
  });
  const consoleApp = await startConsole({ output: (line) => console.log(`[console] ${line}`) });
  const gateway = `http://localhost:${SERVICE_PORTS.gateway}`;
  const ports = (byName: Record<string, number>) => Object.values(byName).join(', ');
  console.log(`
vein-to-vein platform is up (${((Date.now() - started) / 1000).toFixed(1)} s)
  console       ${consoleApp.url}
  gateway       ${gateway}
  API docs      ${gateway}/api/docs
  Temporal UI   ${temporalUiUrl()}
  metrics       http://127.0.0.1:<port>/metrics, apps on ${ports(SERVICE_PORTS)}
                Temporal workers on ${ports(TEMPORAL_METRICS_PORTS)}
  drive a demo journey:  npm run demo
Ctrl-C stops everything.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping apps…`);
    await Promise.all([consoleApp.stop(), platform.stop()]);
    if (process.env.KEEP_INFRA !== '1') runInfraScript('down');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
