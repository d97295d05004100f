import type { RunningPlatform } from '../../tools/platform/platform-processes';
import type { OtlpSink } from './otlp-sink';

export default async function e2eGlobalTeardown(): Promise<void> {
  const global = globalThis as { __v2vPlatform?: RunningPlatform; __v2vOtlpSink?: OtlpSink };
  await global.__v2vPlatform?.stop();
  // After the platform: its last spans are flushed as it stops.
  await global.__v2vOtlpSink?.close();
}
