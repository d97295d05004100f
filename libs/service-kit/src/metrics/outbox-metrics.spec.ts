import { Registry } from 'prom-client';
import type { OutboxBacklog } from '@v2v/messaging';
import { OutboxBacklogSource, OutboxGauges } from './outbox-metrics';

/** A test double of OutboxBacklogRepository: what the schema's outbox holds, and reads made. */
class FakeBacklog implements OutboxBacklogSource {
  reads = 0;
  constructor(private readonly answer: OutboxBacklog | Error) {}

  async backlog(): Promise<OutboxBacklog> {
    this.reads += 1;
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

describe('OutboxGauges', () => {
  it('reads backlog and oldest age at scrape, one read per schema for both', async () => {
    const registry = new Registry();
    const gauges = new OutboxGauges(registry);
    const production = new FakeBacklog({ rows: 12, oldestAgeSeconds: 95.5 });
    gauges.watch('production', production);
    gauges.watch('release', new FakeBacklog({ rows: 0, oldestAgeSeconds: 0 }));

    const text = await registry.metrics();

    expect(text).toContain('outbox_backlog{schema="production"} 12');
    expect(text).toContain('outbox_backlog{schema="release"} 0');
    expect(text).toContain('outbox_oldest_age_seconds{schema="production"} 95.5');
    expect(production.reads).toBe(1);
  });

  it('leaves out a schema whose backlog was not read, never a stale value', async () => {
    const registry = new Registry();
    const gauges = new OutboxGauges(registry);
    gauges.watch('release', new FakeBacklog({ rows: 3, oldestAgeSeconds: 4 }));
    expect(await registry.metrics()).toContain('outbox_backlog{schema="release"} 3');

    gauges.watch('release', new FakeBacklog(new Error('connection terminated')));
    const text = await registry.metrics();

    expect(text).not.toContain('schema="release"');
  });
});
