import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * One Ed25519 key pair read from the environment: `privateName` / `publicName` (the PEM, `\n`
 * allowed) or the same names with `_FILE`. The development pair is known to everyone, so it is
 * used and accepted only with NODE_ENV development or test, exactly as the development JWT
 * secret is; anywhere else a missing key stops the boot (fail closed).
 */
export interface Ed25519KeyConfig {
  privateName: string;
  publicName: string;
  devPrivatePem: string;
  devPublicPem: string;
  /** What the key signs, for the error that names a missing key. */
  purpose: string;
}

const LOCAL = new Set(['development', 'test']);

function pemFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readFileSync(file, 'utf8');
  return env[name]?.replace(/\\n/g, '\n');
}

function chosen(env: NodeJS.ProcessEnv, name: string, devPem: string, purpose: string): string {
  const pem = pemFrom(env, name);
  const local = LOCAL.has(env.NODE_ENV ?? '');
  if (!pem && local) return devPem;
  if (!pem) {
    throw new Error(
      `${name} (or ${name}_FILE) must be set outside NODE_ENV=development|test: the Ed25519 key of ${purpose} (docs/security.md)`,
    );
  }
  if (!local && pem.trim() === devPem) {
    throw new Error(`${name} is the development key, which is refused outside development|test`);
  }
  return pem;
}

/** Refuses any other key type, so a misconfigured RSA key cannot sign in Ed25519's place. */
export function requireEd25519(key: KeyObject, name: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${name} must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

export function ed25519PrivateKey(config: Ed25519KeyConfig, env: NodeJS.ProcessEnv): KeyObject {
  const pem = chosen(env, config.privateName, config.devPrivatePem, config.purpose);
  return requireEd25519(createPrivateKey(pem), config.privateName);
}

export function ed25519PublicKey(config: Ed25519KeyConfig, env: NodeJS.ProcessEnv): KeyObject {
  const pem = chosen(env, config.publicName, config.devPublicPem, config.purpose);
  return requireEd25519(createPublicKey(pem), config.publicName);
}
