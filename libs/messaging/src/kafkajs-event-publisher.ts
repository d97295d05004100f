import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { EventPublisher, OutgoingMessage } from './event-publisher.port';

export class KafkaJsEventPublisher implements EventPublisher {
  private producer?: Producer;
  private connecting?: Promise<void>;

  constructor(private readonly kafka: Kafka) {}

  async publishBatch(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connected();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, ms]) => ({
        topic,
        messages: ms.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async disconnect(): Promise<void> {
    if (this.producer) await this.producer.disconnect();
    this.producer = undefined;
    this.connecting = undefined;
  }

  private async connected(): Promise<Producer> {
    if (!this.producer) {
      // Idempotent producer: broker-side dedupe of retried sends within a session.
      this.producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        // Murmur2 key hashing, the same partition for a donor code as Java clients choose.
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      this.connecting = this.producer.connect();
    }
    try {
      await this.connecting;
    } catch (error) {
      this.producer = undefined;
      throw error;
    }
    return this.producer;
  }
}
