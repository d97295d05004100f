import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's one registry, served at `/metrics`: the default process metrics (CPU, heap,
 * event-loop lag, GC) and the platform's own below. Labels are bounded sets (route patterns,
 * rule IDs, topics), never raw URLs, ids or messages.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests answered, by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const gmpRefusals = new Counter({
  name: 'gmp_refusals_total',
  help: 'Requests refused, by the rule ID or refusal code and the route pattern',
  labelNames: ['rule', 'route'] as const,
  registers: [metricsRegistry],
});

export const outboxRelayed = new Counter({
  name: 'outbox_relayed_total',
  help: 'Outbox rows published to Kafka, by schema',
  labelNames: ['schema'] as const,
  registers: [metricsRegistry],
});

export const outboxSetAside = new Counter({
  name: 'outbox_set_aside_total',
  help: 'Outbox rows the broker refused and the relay set aside (CSV-04), by schema',
  labelNames: ['schema'] as const,
  registers: [metricsRegistry],
});

export const kafkaMessagesConsumed = new Counter({
  name: 'kafka_messages_consumed_total',
  help: 'Messages whose offset a consumer committed (applied, skipped or set aside)',
  labelNames: ['group', 'topic'] as const,
  registers: [metricsRegistry],
});

export const kafkaMessagesSetAside = new Counter({
  name: 'kafka_messages_set_aside_total',
  help: 'Messages a consumer could not apply and set aside (CSV-04), by why in a word',
  labelNames: ['group', 'topic', 'reason'] as const,
  registers: [metricsRegistry],
});
