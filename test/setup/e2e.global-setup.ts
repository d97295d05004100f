import path from 'node:path';
import { startPlatformForTests } from '../../tools/platform/platform-for-tests';
import type { RunningPlatform } from '../../tools/platform/platform-processes';
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
  const sink = await startOtlpSink();
  // The test files' processes start after this, with this environment.
  process.env[E2E_OTLP_SINK_URL] = sink.url;
  (globalThis as { __v2vOtlpSink?: OtlpSink }).__v2vOtlpSink = sink;
  const platform = await startPlatformForTests(LOG, e2eTracingEnv(sink.url));
  (globalThis as { __v2vPlatform?: RunningPlatform }).__v2vPlatform = platform;
}
