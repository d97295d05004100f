import { z } from 'zod';

/**
 * The journey worker's configuration, read once at boot. The rest of the environment (the
 * TEMPORAL_TLS_* paths) passes through to `temporalConnectionOptions`, which checks it.
 */
const workerEnvSchema = z.looseObject({
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  /**
   * A bundle built ahead (workflows `bundle`, the Docker image); the sources are bundled at start
   * otherwise.
   */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  /** Where the worker serves Temporal's Prometheus metrics (`TEMPORAL_METRICS_PORTS` otherwise). */
  TEMPORAL_METRICS_PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'a TCP port number')
    .optional(),
});

export interface WorkerConfig {
  env: NodeJS.ProcessEnv;
  namespace: string;
  bundlePath?: string;
}

export function readWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const result = workerEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
  const validated = result.data as NodeJS.ProcessEnv;
  return {
    env: validated,
    namespace: validated.TEMPORAL_NAMESPACE ?? 'default',
    bundlePath: validated.WORKFLOW_BUNDLE_PATH,
  };
}
