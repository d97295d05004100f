import type { RunningPlatform } from '../../tools/platform/platform-processes';

export default async function e2eGlobalTeardown(): Promise<void> {
  await (globalThis as { __v2vPlatform?: RunningPlatform }).__v2vPlatform?.stop();
}
