import { Registry } from 'prom-client';
import { ConsumerLagGauge, OffsetsAdmin, partitionLag } from './consumer-lag';

/** A test double of the KafkaJS admin: committed offsets of the group, watermarks per topic. */
function admin(committed: Record<string, string[]>, high: Record<string, string[]>) {
  return {
    fetchOffsets: async () =>
      Object.entries(committed).map(([topic, offsets]) => ({
        topic,
        partitions: offsets.map((offset, partition) => ({ partition, offset, metadata: null })),
      })),
    fetchTopicOffsets: async (topic: string) =>
      high[topic].map((h, partition) => ({ partition, offset: h, high: h, low: '0' })),
  } as unknown as OffsetsAdmin;
}

describe('consumer lag', () => {
  it('is the high watermark less the committed offset, from the low one before any commit', () => {
    expect(partitionLag('40', '52', '0')).toBe(12);
    expect(partitionLag('-1', '52', '10')).toBe(42);
    expect(partitionLag('52', '52', '0')).toBe(0);
  });

  it('is read at scrape by group, topic and partition', async () => {
    const registry = new Registry();
    const lag = new ConsumerLagGauge(registry);
    lag.watch('release', ['journey-events'], () =>
      admin({ 'journey-events': ['7', '-1'] }, { 'journey-events': ['10', '3'] }),
    );

    const text = await registry.metrics();

    expect(text).toContain(
      'kafka_consumer_lag{group="release",topic="journey-events",partition="0"} 3',
    );
    expect(text).toContain(
      'kafka_consumer_lag{group="release",topic="journey-events",partition="1"} 3',
    );
  });

  it('leaves out a group whose offsets the broker did not give', async () => {
    const registry = new Registry();
    const lag = new ConsumerLagGauge(registry);
    const away = { fetchOffsets: () => Promise.reject(new Error('broker away')) };
    lag.watch('release', ['journey-events'], () => away as unknown as OffsetsAdmin);

    expect(await registry.metrics()).not.toContain('kafka_consumer_lag{');
  });
});
