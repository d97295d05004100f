import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { temporalAddress } from './temporal-config';

/**
 * mTLS to the Temporal frontend, from the environment (docs/security.md): the client
 * certificate and key every process presents, and optionally the CA that signed the server's
 * certificate and the name to expect on it. Without TEMPORAL_TLS_CERT the connection is plain
 * (the local dev server); a certificate without its key, or a CA without a certificate, is a
 * configuration error at boot rather than a silent plain connection.
 */
export function temporalTls(env: NodeJS.ProcessEnv = process.env): TLSConfig | undefined {
  const cert = env.TEMPORAL_TLS_CERT;
  const key = env.TEMPORAL_TLS_KEY;
  const ca = env.TEMPORAL_TLS_CA;
  if (!cert && !key && !ca) return undefined;
  if (!cert || !key) {
    throw new Error(
      'Temporal mTLS needs both TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY (paths to PEM files)',
    );
  }
  return {
    clientCertPair: { crt: readFileSync(cert), key: readFileSync(key) },
    ...(ca ? { serverRootCACertificate: readFileSync(ca) } : {}),
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
  };
}

/** Where and how every process connects to Temporal: the client, activity and journey workers. */
export function temporalConnectionOptions(env: NodeJS.ProcessEnv = process.env) {
  const tls = temporalTls(env);
  return { address: temporalAddress(env), ...(tls ? { tls } : {}) };
}
