import { readWorkerConfig } from './worker-config';

describe('journey worker config', () => {
  it('defaults to the default namespace and the source workflows', () => {
    expect(readWorkerConfig({})).toMatchObject({ namespace: 'default', bundlePath: undefined });
  });

  it('keeps the TLS variables for the connection options', () => {
    const config = readWorkerConfig({ TEMPORAL_NAMESPACE: 'v2v', TEMPORAL_TLS_CERT: '/c.pem' });
    expect(config.namespace).toBe('v2v');
    expect(config.env.TEMPORAL_TLS_CERT).toBe('/c.pem');
  });

  it('refuses an empty namespace at boot', () => {
    expect(() => readWorkerConfig({ TEMPORAL_NAMESPACE: '' })).toThrow(/TEMPORAL_NAMESPACE/);
  });

  it('refuses a metrics port that is no port number at boot', () => {
    expect(() => readWorkerConfig({ TEMPORAL_METRICS_PORT: 'metrics' })).toThrow(
      /TEMPORAL_METRICS_PORT/,
    );
  });
});
