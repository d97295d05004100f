/** Local embedded default: the KRaft node `npm run infra:up` starts (tools/infra). */
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

export function kafkaBrokers(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.KAFKA_BROKERS ?? DEFAULT_KAFKA_BROKERS)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
