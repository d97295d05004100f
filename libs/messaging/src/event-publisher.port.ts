/** One message on its way to the broker. */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * The only way the product publishes: a whole batch per call. Hidden behind this port so
 * the KafkaJS client can be swapped for a librdkafka-based one if benchmarks demand it.
 */
export interface EventPublisher {
  publishBatch(messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}
