import { authConfig } from './auth-config';

const DEV_SECRET = 'local-development-only-secret-change-me';
const STRONG = 'k'.repeat(32);

describe('JWT configuration', () => {
  it.each(['production', 'staging', undefined])(
    'CSV-03 refuses to boot on the development secret with NODE_ENV=%s',
    (NODE_ENV) => {
      expect(() => authConfig({ NODE_ENV, JWT_SECRET: DEV_SECRET })).toThrow(/development secret/);
    },
  );

  it.each(['production', undefined])(
    'CSV-03 refuses to boot without JWT_SECRET with NODE_ENV=%s',
    (NODE_ENV) => {
      expect(() => authConfig({ NODE_ENV })).toThrow(/JWT_SECRET must be set/);
    },
  );

  it('CSV-03 refuses to boot in production on a 31-byte secret', () => {
    expect(() => authConfig({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(31) })).toThrow(
      /at least 32 bytes/,
    );
  });

  it('CSV-03 counts bytes, not characters: 11 three-byte characters are 33 bytes', () => {
    expect(authConfig({ NODE_ENV: 'production', JWT_SECRET: '密'.repeat(11) }).secret).toBe(
      '密'.repeat(11),
    );
  });

  it('CSV-03 boots in production on a secret of its own of 32 bytes', () => {
    expect(authConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG })).toEqual({
      secret: STRONG,
      ttl: '15m',
    });
  });

  it.each(['development', 'test'])(
    'CSV-03 allows the development secret with NODE_ENV=%s',
    (NODE_ENV) => {
      expect(authConfig({ NODE_ENV }).secret).toBe(DEV_SECRET);
      expect(authConfig({ NODE_ENV, JWT_SECRET: 'short', JWT_TTL: '5m' })).toEqual({
        secret: 'short',
        ttl: '5m',
      });
    },
  );
});
