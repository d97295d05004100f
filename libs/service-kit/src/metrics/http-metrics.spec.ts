import { Controller, Get, INestApplication, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { DomainError } from '@v2v/contracts';
import { DomainErrorFilter, domainErrorStatus } from '../domain-error.filter';
import { serveMetrics } from './http-metrics';
import { metricsRegistry } from './metrics-registry';

@Controller('api/journeys')
class ThawController {
  @Get(':donorCode/record-thaw')
  recordThaw(@Param('donorCode') donorCode: string): never {
    throw new DomainError('OTH-02', `donor ${donorCode} has no receipt at site (OTH-02)`);
  }

  @Get(':donorCode')
  read(@Param('donorCode') donorCode: string) {
    return { donorCode };
  }
}

@Module({ controllers: [ThawController] })
class ThawModule {}

/** How the filter answers OTH-02, whichever status its kind maps to. */
const REFUSED = domainErrorStatus('OTH-02');

/** The series of a metric as prom-client holds them: name (a histogram's has a suffix), labels. */
async function series(name: string) {
  const metric = metricsRegistry.getSingleMetric(name);
  const values = metric ? (await metric.get()).values : [];
  return values as Array<(typeof values)[number] & { metricName?: string }>;
}

describe('HTTP metrics', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    app = await NestFactory.create(ThawModule, { logger: false });
    app.useGlobalFilters(new DomainErrorFilter());
    serveMetrics(app);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());
  beforeEach(() => metricsRegistry.resetMetrics());

  it('labels request durations with the route pattern, never the raw URL', async () => {
    expect((await fetch(`${baseUrl}/api/journeys/D-0001/record-thaw`)).status).toBe(REFUSED);
    expect((await fetch(`${baseUrl}/api/journeys/D-0002`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/nowhere/D-0003`)).status).toBe(404);

    const counts = (await series('http_request_duration_seconds'))
      .filter((s) => s.metricName === 'http_request_duration_seconds_count')
      .map((s) => s.labels);
    expect(counts).toEqual(
      expect.arrayContaining([
        { method: 'GET', route: '/api/journeys/:donorCode/record-thaw', status: `${REFUSED}` },
        { method: 'GET', route: '/api/journeys/:donorCode', status: '200' },
        { method: 'GET', route: 'unmatched', status: '404' },
      ]),
    );
    expect(JSON.stringify(counts)).not.toMatch(/D-000/);
  });

  it('counts a refusal once by its rule and route pattern', async () => {
    await fetch(`${baseUrl}/api/journeys/D-0001/record-thaw`);
    await fetch(`${baseUrl}/api/journeys/D-0002/record-thaw`);
    await fetch(`${baseUrl}/api/journeys/D-0003`);

    expect(await series('gmp_refusals_total')).toEqual([
      {
        labels: { rule: 'OTH-02', route: '/api/journeys/:donorCode/record-thaw' },
        value: 2,
      },
    ]);
  });

  it('serves the registry at GET /metrics in Prometheus text format', async () => {
    await fetch(`${baseUrl}/api/journeys/D-0001/record-thaw`);
    const res = await fetch(`${baseUrl}/metrics`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain(
      'gmp_refusals_total{rule="OTH-02",route="/api/journeys/:donorCode/record-thaw"} 1',
    );
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).not.toContain('route="/metrics"');
  });
});
