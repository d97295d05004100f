import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The environment every app reads once at boot. Defaults are the local embedded
 * servers; a deployment sets the variables (see README "Environment variables").
 */
export const serviceEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // pino's levels; `silent` for tests that boot an app in-process.
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
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

/** Where an app's internal API is: `<SERVICE>_URL`, or loopback on its port. */
export function internalServiceUrl(
  service: keyof typeof SERVICE_PORTS,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const envName = `${service.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_URL`;
  return env[envName] ?? `http://127.0.0.1:${SERVICE_PORTS[service]}`;
}

/**
 * The variables a service's own code reads, validated once at boot. The object is loose: the
 * rest of the environment (TLS paths, signature keys, the internal token) passes through to
 * the libraries that check their own part when the app builds them (each fails closed).
 * NODE_ENV stays as given: the fail-closed checks treat an unset one as a deployment.
 */
export const serviceConfigSchema = z.looseObject({
  NODE_ENV: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  LOG_PRETTY: z.string().optional(),
  PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'a TCP port number')
    .optional(),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.url().optional(),
  KAFKA_BROKERS: z.string().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  /** Where the activity worker serves Temporal's metrics (`TEMPORAL_METRICS_PORTS` otherwise). */
  TEMPORAL_METRICS_PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'a TCP port number')
    .optional(),
  /** `off` keeps the relays, consumers and workers from starting (an HTTP-only process). */
  V2V_BACKGROUND: z.string().optional(),
});

/**
 * One app's configuration, read and validated once at boot (`readServiceConfig` in its
 * main.ts) and injected everywhere else; nothing in an app reads `process.env` itself.
 */
export class ServiceConfig {
  readonly logLevel: string;
  readonly logPretty: boolean;
  readonly host: string;
  readonly port: number;
  readonly backgroundProcesses: boolean;

  constructor(
    readonly service: string,
    /** The validated environment, handed to the libraries that read their part of it. */
    readonly env: NodeJS.ProcessEnv,
    defaultPort: number,
  ) {
    this.logLevel = env.LOG_LEVEL ?? 'info';
    this.logPretty = env.LOG_PRETTY === '1';
    this.host = env.HOST ?? '127.0.0.1';
    this.port = Number(env.PORT ?? defaultPort);
    this.backgroundProcesses = env.V2V_BACKGROUND !== 'off';
  }
}

/** Reads and validates an app's configuration; an invalid one stops the boot with its problems. */
export function readServiceConfig(
  service: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const validated = readServiceEnv(serviceConfigSchema, env) as NodeJS.ProcessEnv;
  return new ServiceConfig(service, Object.freeze({ ...validated }), defaultPort);
}
