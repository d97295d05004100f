import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { seedDemoProduction } from '../../tools/platform/demo-production.seeder';
import { seedDemoUsers } from '../../tools/platform/demo-users.seeder';
import { runInfraScript } from '../../tools/platform/infra';
import { migratePlatform } from '../../tools/platform/migrate';
import { RunningPlatform, startPlatformProcesses } from '../../tools/platform/platform-processes';
import { E2E_OTLP_SINK_URL, e2eTracingEnv } from './e2e-tracing';
import { OtlpSink, startOtlpSink } from './otlp-sink';

const LOG = path.resolve(__dirname, '../../.data/logs/e2e-platform.log');

/**
 * End-to-end tests drive the whole stack as separate processes, exactly as `npm start`
 * runs it, with its demo users (the admin among them). App output goes to
 * .data/logs/e2e-platform.log so a failure can be read. The platform traces toward an OTLP sink
 * of the tier's own, recording only the traces a test asks for (`e2eTracingEnv`).
 */
export default async function e2eGlobalSetup(): Promise<void> {
  runInfraScript('up');
  await migratePlatform(() => undefined);
  await seedDemoUsers(() => undefined);
  await seedDemoProduction(() => undefined);
  mkdirSync(path.dirname(LOG), { recursive: true });
  const sink = await startOtlpSink();
  // The test files' processes start after this, with this environment.
  process.env[E2E_OTLP_SINK_URL] = sink.url;
  (globalThis as { __v2vOtlpSink?: OtlpSink }).__v2vOtlpSink = sink;
  const platform = await startPlatformProcesses({
    log: (line) => appendFileSync(LOG, `${line}\n`),
    output: (name, line) => appendFileSync(LOG, `[${name}] ${line}\n`),
    env: e2eTracingEnv(sink.url),
  });
  (globalThis as { __v2vPlatform?: RunningPlatform }).__v2vPlatform = platform;
}
