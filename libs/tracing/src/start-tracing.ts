import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { tracingSettings } from './tracing-switch';

/** The SDK a process started because tracing is on. */
export interface RunningTracing {
  /** `service.name` of every span this process exports. */
  readonly service: string;
  /**
   * Where spans end up, and the resource they carry: the journey worker hands them the spans its
   * workflows make inside Temporal's sandbox, which has no exporter of its own.
   */
  readonly spanProcessor: SpanProcessor;
  readonly resource: Resource;
  /** Names the active HTTP request's server span by its route pattern (`recordServerRoute`). */
  recordServerRoute(route: string): void;
  /** Exports what is still batched, then stops tracing. */
  shutdown(): Promise<void>;
}

let running: RunningTracing | undefined;

/**
 * Starts tracing for the process when the switch (`tracingSettings`) is on, once; undefined
 * when it is off, and then nothing is loaded: every span the platform's code asks for is the
 * OpenTelemetry API's no-op. Called by the first import of each entry point (its `tracing.ts`),
 * before `http`, `pg` and the rest are loaded, because the instrumentations patch them as they
 * load.
 */
export function startTracing(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): RunningTracing | undefined {
  if (running) return running;
  const settings = tracingSettings(env);
  if (settings === undefined) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the SDK loads only when on
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  running = startTracingSdk(service, settings);
  return running;
}

/** The process's tracing when it was started; undefined when tracing is off. */
export function runningTracing(): RunningTracing | undefined {
  return running;
}

/** Flushes and stops the process's tracing, if any: called as the process shuts down. */
export async function stopTracing(): Promise<void> {
  const stopping = running;
  running = undefined;
  await stopping?.shutdown();
}
