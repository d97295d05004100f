import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The local development key pair: known to everyone, so refused outside development and
 * test, exactly as the development JWT secret is.
 */
const DEV_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIHJFsQ9UJUBUsZq7px6t50ufbYzu+8Mxd9ilKt5a0WD9
-----END PRIVATE KEY-----`;
const DEV_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAFBv982pxn5VSXOmZTPgLzfkoXWsdDNnP00fbQQ1Vy3Q=
-----END PUBLIC KEY-----`;

const LOCAL = new Set(['development', 'test']);

/** The key pair's PEM from `NAME` (the PEM itself, `\n` allowed) or the file `NAME_FILE`. */
function pemFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8');
  return env[name]?.replace(/\\n/g, '\n');
}

function chosen(env: NodeJS.ProcessEnv, name: string, devPem: string): string {
  const pem = pemFrom(env, name);
  const local = LOCAL.has(env.NODE_ENV ?? '');
  if (!pem && local) return devPem;
  if (!pem) {
    throw new Error(
      `${name} (or ${name}_FILE) must be set outside NODE_ENV=development|test: the Ed25519 key of the signature seal (docs/security.md)`,
    );
  }
  if (!local && pem.trim() === devPem) {
    throw new Error(`${name} is the development key, which is refused outside development|test`);
  }
  return pem;
}

function ed25519(key: KeyObject, name: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${name} must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

/** The gateway's signing key, read and checked once at boot (fails closed). */
export function signatureSealPrivateKey(env: NodeJS.ProcessEnv = process.env): KeyObject {
  const name = 'SIGNATURE_SEAL_PRIVATE_KEY';
  return ed25519(createPrivateKey(chosen(env, name, DEV_PRIVATE_KEY)), name);
}

/** The key every owning service verifies signatures with, read and checked once at boot. */
export function signatureSealPublicKey(env: NodeJS.ProcessEnv = process.env): KeyObject {
  const name = 'SIGNATURE_SEAL_PUBLIC_KEY';
  return ed25519(createPublicKey(chosen(env, name, DEV_PUBLIC_KEY)), name);
}
