import { Kafka } from 'kafkajs';
import { ALL_TOPICS, INSTITUTION_TOPIC, TELEMETRY_TOPIC } from '@v2v/contracts';

/**
 * Creates the project's topics explicitly (the broker has auto-create off). Idempotent.
 * Partitions are keyed by donor code, so one journey's events stay in order.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[] = [...ALL_TOPICS, TELEMETRY_TOPIC, INSTITUTION_TOPIC],
  partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
  replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
