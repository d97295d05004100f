import { TOPICS } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { TEMPORAL_METRICS_PORTS } from '@v2v/temporal';
import { stepRoute } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

/** A process's Prometheus text, scraped on loopback with no credential as Prometheus would. */
async function scrape(port: number): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, text: await res.text() };
}

/** The value of one series, by its exact name and labels as the text format prints them. */
function valueOf(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('the gateway counts a refused step by its rule and times its route pattern', async () => {
    const order = await newOrder();
    const refused = await api.step<{ code: string }>(
      'operator',
      order.donorCode,
      'startProduction',
      { labelScan: order.donorCode },
    );
    expect(refused).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });

    const { status, text } = await scrape(SERVICE_PORTS.gateway);
    expect(status).toBe(200);
    const route = `/api/journeys/:donorCode/${stepRoute('startProduction')}`;
    const refusals = valueOf(text, `gmp_refusals_total{rule="STEP_OUT_OF_ORDER",route="${route}"}`);
    expect(refusals).toBeGreaterThanOrEqual(1);
    const timed = valueOf(
      text,
      `http_request_duration_seconds_count{method="POST",route="${route}",status="409"}`,
    );
    expect(timed).toBeGreaterThanOrEqual(1);
    // The route pattern, never the URL: no series names a donor.
    expect(text).not.toContain(order.donorCode);
    expect(valueOf(text, 'outbox_backlog{schema="gateway"}')).toBeGreaterThanOrEqual(0);
  });

  it.each(Object.entries(SERVICE_PORTS))(
    '%s answers /metrics with process metrics',
    async (_, port) => {
      const { status, text } = await scrape(port);
      expect(status).toBe(200);
      expect(text).toMatch(/^process_resident_memory_bytes /m);
      expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    },
  );

  it.each([
    ['donor_intake', SERVICE_PORTS.donorIntake],
    ['production', SERVICE_PORTS.production],
    ['release', SERVICE_PORTS.release],
  ])('%s reports its outbox backlog and oldest age', async (schema, port) => {
    const { text } = await scrape(port);
    expect(valueOf(text, `outbox_backlog{schema="${schema}"}`)).toBeGreaterThanOrEqual(0);
    expect(valueOf(text, `outbox_oldest_age_seconds{schema="${schema}"}`)).toBeGreaterThanOrEqual(
      0,
    );
  });

  it("production reports its consumer group's lag by partition, read from the broker", async () => {
    const { text } = await scrape(SERVICE_PORTS.production);
    const group = 'production-journey-deviations';
    const series = `kafka_consumer_lag{group="${group}",topic="${TOPICS.production}"`;
    const lags = text.split('\n').filter((line) => line.startsWith(series));
    expect(lags.length).toBeGreaterThanOrEqual(1);
    for (const line of lags) expect(line).toMatch(/,partition="\d+"\} \d+$/);
  });

  it.each(Object.entries(TEMPORAL_METRICS_PORTS))(
    'the %s worker serves the Temporal SDK metrics',
    async (_, port) => {
      const { status, text } = await scrape(port);
      expect(status).toBe(200);
      expect(text).toMatch(/^temporal_\w+/m);
    },
  );
});
