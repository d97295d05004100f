import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { internalServiceToken, SERVICE_PORTS } from '@v2v/service-kit';
import { signatureSealPrivateKey } from '@v2v/signatures';
import { authConfig } from '../auth/auth-config';

/** The apps the gateway calls on their internal APIs. */
export type InternalService = Exclude<keyof typeof SERVICE_PORTS, 'gateway'>;

const serviceUrl = (service: InternalService) =>
  z.url().default(`http://127.0.0.1:${SERVICE_PORTS[service]}`);

/**
 * The variables the gateway reads besides the ones the shared libs validate themselves (JWT,
 * service token, seal key: see `fromEnv`; database, Kafka, Temporal connection and log level
 * are read by their libs). Defaults are the local embedded servers (README "Environment
 * variables").
 */
const gatewayEnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(SERVICE_PORTS.gateway),
  HOST: z.string().min(1).default('127.0.0.1'),
  DONOR_INTAKE_URL: serviceUrl('donorIntake'),
  PRODUCTION_URL: serviceUrl('production'),
  RELEASE_URL: serviceUrl('release'),
  TRACEABILITY_URL: serviceUrl('traceability'),
  /** Where ops open a journey: the Temporal UI built into the dev server by default. */
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
});

/**
 * The gateway's one configuration, read and checked once at boot (main.ts) and injected
 * wherever a setting is needed; nothing else in the gateway reads `process.env`. Fails closed:
 * outside `NODE_ENV=development|test` no gateway starts on a development JWT secret, service
 * token or seal key (auth-config.ts, docs/security.md).
 */
export class GatewayConfig {
  private constructor(
    readonly nodeEnv: string | undefined,
    readonly port: number,
    readonly host: string,
    readonly jwt: { secret: string; ttl: string },
    /** The credential of the gateway's calls to the services' internal APIs. */
    readonly internalServiceToken: string,
    readonly serviceUrls: Readonly<Record<InternalService, string>>,
    readonly temporalUi: { url: string; namespace: string },
    /** The Ed25519 key electronic signatures are sealed with (CSV-02). */
    readonly signatureSealKey: KeyObject,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv): GatewayConfig {
    // The JWT check comes first: its messages are what a misconfigured boot names first.
    const jwt = authConfig(env);
    const parsed = gatewayEnvSchema.safeParse(env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`invalid gateway environment:\n  ${problems.join('\n  ')}`);
    }
    const vars = parsed.data;
    return new GatewayConfig(
      env.NODE_ENV,
      vars.PORT,
      vars.HOST,
      jwt,
      internalServiceToken(env),
      {
        donorIntake: vars.DONOR_INTAKE_URL,
        production: vars.PRODUCTION_URL,
        release: vars.RELEASE_URL,
        traceability: vars.TRACEABILITY_URL,
      },
      { url: vars.TEMPORAL_UI_URL, namespace: vars.TEMPORAL_NAMESPACE },
      signatureSealPrivateKey(env),
    );
  }

  /** The Temporal UI page of a workflow (the same link as libs/temporal's `journeyUiLink`). */
  workflowUiLink(workflowId: string): string {
    const { url, namespace } = this.temporalUi;
    return `${url}/namespaces/${namespace}/workflows/${encodeURIComponent(workflowId)}`;
  }
}
