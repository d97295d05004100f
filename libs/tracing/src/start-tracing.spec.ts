import { runningTracing, startTracing, stopTracing } from './start-tracing';

const mockSdkLoaded = jest.fn();
const mockShutdown = jest.fn(async () => undefined);

// Stands in for the OpenTelemetry SDK: what matters here is whether and when it is loaded.
jest.mock('./tracing-sdk', () => {
  mockSdkLoaded();
  return {
    startTracingSdk: (service: string, settings: { tracesUrl: string }) => ({
      service,
      tracesUrl: settings.tracesUrl,
      shutdown: mockShutdown,
    }),
  };
});

describe('startTracing', () => {
  afterEach(() => stopTracing());

  it('is off by default: starts nothing and never loads the SDK', () => {
    expect(startTracing('gateway', { NODE_ENV: 'production' })).toBeUndefined();
    expect(runningTracing()).toBeUndefined();
    expect(mockSdkLoaded).not.toHaveBeenCalled();
  });

  it('refuses a setting it cannot honour before loading anything', () => {
    expect(() =>
      startTracing('gateway', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      }),
    ).toThrow(/http\/json/);
    expect(mockSdkLoaded).not.toHaveBeenCalled();
  });

  it('starts the SDK once per process when an OTLP endpoint is set, and stops it', async () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    const started = startTracing('gateway', env);
    expect(mockSdkLoaded).toHaveBeenCalledTimes(1);
    expect(started).toMatchObject({
      service: 'gateway',
      tracesUrl: 'http://collector:4318/v1/traces',
    });
    expect(startTracing('gateway', env)).toBe(started);
    expect(runningTracing()).toBe(started);

    await stopTracing();
    expect(mockShutdown).toHaveBeenCalledTimes(1);
    expect(runningTracing()).toBeUndefined();
  });
});
