import { GatewayConfig } from './gateway-config';

describe('GatewayConfig', () => {
  it('reads the local defaults in development', () => {
    const config = GatewayConfig.fromEnv({ NODE_ENV: 'development' });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      jwt: { ttl: '15m' },
      serviceUrls: {
        donorIntake: 'http://127.0.0.1:3101',
        production: 'http://127.0.0.1:3102',
        release: 'http://127.0.0.1:3103',
        traceability: 'http://127.0.0.1:3104',
      },
      temporalUi: { url: 'http://localhost:8233', namespace: 'default' },
    });
    expect(config.signatureSealKey.asymmetricKeyType).toBe('ed25519');
  });

  it('takes the service URLs, port and Temporal UI from the environment', () => {
    const config = GatewayConfig.fromEnv({
      NODE_ENV: 'test',
      PORT: '8080',
      PRODUCTION_URL: 'http://production.internal:3102',
      TEMPORAL_UI_URL: 'https://temporal.example',
      TEMPORAL_NAMESPACE: 'v2v',
    });
    expect(config.port).toBe(8080);
    expect(config.serviceUrls.production).toBe('http://production.internal:3102');
    expect(config.workflowUiLink('journey-A1')).toBe(
      'https://temporal.example/namespaces/v2v/workflows/journey-A1',
    );
  });

  it('CSV-03 fails closed on the JWT secret first, outside development and test', () => {
    expect(() => GatewayConfig.fromEnv({})).toThrow(/JWT_SECRET must be set/);
    expect(() =>
      GatewayConfig.fromEnv({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(32) }),
    ).toThrow(/INTERNAL_SERVICE_TOKEN must be set/);
  });

  it('refuses a malformed variable at boot, naming it', () => {
    expect(() => GatewayConfig.fromEnv({ NODE_ENV: 'test', PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => GatewayConfig.fromEnv({ NODE_ENV: 'test', RELEASE_URL: 'release' })).toThrow(
      /RELEASE_URL/,
    );
  });
});
