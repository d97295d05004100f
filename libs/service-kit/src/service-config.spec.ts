import { readServiceConfig } from './service-config';

describe('service config', () => {
  it('keeps today’s defaults: loopback, the service port, info logs, background on', () => {
    const config = readServiceConfig('production', 3102, {});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3102,
      logLevel: 'info',
      logPretty: false,
      backgroundProcesses: true,
    });
  });

  it('reads the variables once and passes the rest through to the libraries', () => {
    const config = readServiceConfig('release', 3103, {
      PORT: '4103',
      HOST: '0.0.0.0',
      V2V_BACKGROUND: 'off',
      SIGNATURE_SEAL_PUBLIC_KEY: 'pem',
    });
    expect(config).toMatchObject({ port: 4103, host: '0.0.0.0', backgroundProcesses: false });
    expect(config.env.SIGNATURE_SEAL_PUBLIC_KEY).toBe('pem');
    expect(Object.isFrozen(config.env)).toBe(true);
  });

  it('leaves NODE_ENV as given, so fail-closed checks still see an unset one', () => {
    expect(readServiceConfig('gateway', 3000, {}).env.NODE_ENV).toBeUndefined();
  });

  it('refuses an invalid configuration at boot, naming each problem', () => {
    expect(() =>
      readServiceConfig('production', 3102, { PORT: 'eighty', DATABASE_URL: 'not a url' }),
    ).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
