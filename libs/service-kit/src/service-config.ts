import { z } from 'zod';

/**
 * The environment every app reads once at boot. Defaults are the local embedded
 * servers; a deployment sets the variables (see README "Environment variables").
 */
export const serviceEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  KAFKA_BROKERS: z.string().optional(),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().optional(),
});

export type ServiceEnv = z.infer<typeof serviceEnvSchema>;

export function readServiceEnv<T extends z.ZodObject>(
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** Internal HTTP port of each app; only the gateway's is public. */
export const SERVICE_PORTS = {
  gateway: 3000,
  donorIntake: 3101,
  production: 3102,
  release: 3103,
  traceability: 3104,
} as const;

export function internalServiceUrl(service: keyof typeof SERVICE_PORTS): string {
  const envName = `${service.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_URL`;
  return process.env[envName] ?? `http://127.0.0.1:${SERVICE_PORTS[service]}`;
}
