import { generateKeyPairSync } from 'node:crypto';
import { signatureSealPrivateKey, signatureSealPublicKey } from './signature-keys';

const pair = generateKeyPairSync('ed25519');
const pem = {
  private: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  public: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};

describe('the signature seal keys fail closed (CSV-02)', () => {
  it('CSV-02 development and test run on the development key pair', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(signatureSealPrivateKey({ NODE_ENV }).asymmetricKeyType).toBe('ed25519');
      expect(signatureSealPublicKey({ NODE_ENV }).asymmetricKeyType).toBe('ed25519');
    }
  });

  it('CSV-02 refuses to start without a key outside development and test, NODE_ENV unset included', () => {
    for (const NODE_ENV of ['production', undefined, 'staging']) {
      expect(() => signatureSealPrivateKey({ NODE_ENV })).toThrow(/SIGNATURE_SEAL_PRIVATE_KEY/);
      expect(() => signatureSealPublicKey({ NODE_ENV })).toThrow(/SIGNATURE_SEAL_PUBLIC_KEY/);
    }
  });

  it('CSV-02 refuses the development key outside development and test', () => {
    const dev = signatureSealPublicKey({ NODE_ENV: 'test' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() =>
      signatureSealPublicKey({ NODE_ENV: 'production', SIGNATURE_SEAL_PUBLIC_KEY: dev }),
    ).toThrow(/development key/);
  });

  it('CSV-02 takes a deployment key from the environment, with escaped newlines', () => {
    const env = {
      NODE_ENV: 'production',
      SIGNATURE_SEAL_PRIVATE_KEY: pem.private.replace(/\n/g, '\\n'),
      SIGNATURE_SEAL_PUBLIC_KEY: pem.public,
    };
    expect(signatureSealPrivateKey(env).asymmetricKeyType).toBe('ed25519');
    expect(signatureSealPublicKey(env).asymmetricKeyType).toBe('ed25519');
  });

  it('CSV-02 refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(() =>
      signatureSealPublicKey({ NODE_ENV: 'production', SIGNATURE_SEAL_PUBLIC_KEY: rsa }),
    ).toThrow(/Ed25519/);
  });
});
