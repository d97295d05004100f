import { KeyObject } from 'node:crypto';
import { Ed25519KeyConfig, ed25519PrivateKey, ed25519PublicKey } from '@v2v/integrity';

/** The seal's keys; the local development pair is public and refused outside development|test. */
const SEAL_KEYS: Ed25519KeyConfig = {
  privateName: 'SIGNATURE_SEAL_PRIVATE_KEY',
  publicName: 'SIGNATURE_SEAL_PUBLIC_KEY',
  devPrivatePem: `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIHJFsQ9UJUBUsZq7px6t50ufbYzu+8Mxd9ilKt5a0WD9
-----END PRIVATE KEY-----`,
  devPublicPem: `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAFBv982pxn5VSXOmZTPgLzfkoXWsdDNnP00fbQQ1Vy3Q=
-----END PUBLIC KEY-----`,
  purpose: 'the signature seal',
};

/** The gateway's signing key, read and checked once at boot (fails closed). */
export function signatureSealPrivateKey(env: NodeJS.ProcessEnv = process.env): KeyObject {
  return ed25519PrivateKey(SEAL_KEYS, env);
}

/** The key every owning service verifies signatures with, read and checked once at boot. */
export function signatureSealPublicKey(env: NodeJS.ProcessEnv = process.env): KeyObject {
  return ed25519PublicKey(SEAL_KEYS, env);
}
