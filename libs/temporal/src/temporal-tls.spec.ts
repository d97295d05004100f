import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { temporalConnectionOptions } from './temporal-tls';

const dir = mkdtempSync(path.join(tmpdir(), 'temporal-tls-'));
const file = (name: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, `-----BEGIN ${name}-----\n`);
  return at;
};

describe('the connection to Temporal', () => {
  it('is plain to the local dev server when no certificate is configured', () => {
    expect(temporalConnectionOptions({})).toEqual({ address: '127.0.0.1:7233' });
  });

  it('presents the client certificate and trusts the given CA and server name (mTLS)', () => {
    const env = {
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CERT: file('CERT'),
      TEMPORAL_TLS_KEY: file('KEY'),
      TEMPORAL_TLS_CA: file('CA'),
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    };
    const options = temporalConnectionOptions(env);
    expect(options.address).toBe('temporal.internal:7233');
    expect(options.tls).toMatchObject({
      serverNameOverride: 'temporal.internal',
      clientCertPair: { crt: Buffer.from('-----BEGIN CERT-----\n') },
      serverRootCACertificate: Buffer.from('-----BEGIN CA-----\n'),
    });
  });

  it('refuses half a configuration instead of connecting in the clear', () => {
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS_CERT: file('CERT') })).toThrow(
      /TEMPORAL_TLS_KEY/,
    );
    expect(() => temporalConnectionOptions({ TEMPORAL_TLS_CA: file('CA') })).toThrow(
      /TEMPORAL_TLS_CERT/,
    );
  });
});
