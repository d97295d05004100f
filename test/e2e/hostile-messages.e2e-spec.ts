import { randomUUID } from 'node:crypto';
import { INSTITUTION_TOPIC, TELEMETRY_TOPIC, TOPICS } from '@v2v/contracts';
import { createKafka, KafkaJsEventPublisher } from '@v2v/messaging';
import { internalCallHeaders, internalServiceToken, SERVICE_PORTS } from '@v2v/service-kit';
import { pollUntil } from '@v2v/testing';

/**
 * CSV-04 on the running stack, every topic: hostile messages put straight on each topic (past
 * every producer's validation, as a broken or malicious producer would) are set aside by every
 * consumer group that reads the topic, each with its reason, and each consumer goes on: healthy,
 * with progress after them. The shapes: not JSON, a producer clock at year 0, a field of the
 * wrong type, 300 KB of junk, and the same bad message twice.
 */
const run = randomUUID().slice(0, 8);
const headers = internalCallHeaders(internalServiceToken());
const publisher = new KafkaJsEventPublisher(createKafka(`e2e-hostile-${run}`));

afterAll(() => publisher.disconnect());

type Service = 'donorIntake' | 'production' | 'release' | 'traceability';

/** Who reads each topic: the consumer groups and the service each runs in. */
const READERS: Record<string, Array<{ service: Service; group: string }>> = {
  [TELEMETRY_TOPIC]: [{ service: 'donorIntake', group: 'donor-intake-telemetry' }],
  [INSTITUTION_TOPIC]: [{ service: 'donorIntake', group: 'donor-intake-institution-notices' }],
  [TOPICS.donorIntake]: [
    { service: 'donorIntake', group: 'donor-intake-notifications' },
    { service: 'traceability', group: 'traceability-ledger' },
  ],
  [TOPICS.production]: [
    { service: 'donorIntake', group: 'donor-intake-notifications' },
    { service: 'traceability', group: 'traceability-ledger' },
    { service: 'production', group: 'production-journey-deviations' },
    { service: 'release', group: 'release-recall-holds' },
  ],
  [TOPICS.release]: [
    { service: 'donorIntake', group: 'donor-intake-notifications' },
    { service: 'traceability', group: 'traceability-ledger' },
  ],
};

const envelope = (overrides: Record<string, unknown>) => ({
  id: randomUUID(),
  aggregateType: 'journey',
  aggregateId: `HOSTILE-${run}`,
  messageType: 'hostile.test.v1',
  occurredAt: new Date().toISOString(),
  payload: {},
  metadata: { producer: 'e2e' },
  ...overrides,
});

/** The hostile messages of one topic: key → value, with the reason each must be set aside for. */
function hostile(topic: string) {
  const duplicate = JSON.stringify(envelope({ occurredAt: '0000-01-01T00:00:00Z' }));
  return [
    { kind: 'not-json', value: '{"id": "unterminated', reason: /not JSON/ },
    {
      kind: 'year-0',
      value: JSON.stringify(envelope({ occurredAt: '0000-01-01T00:00:00Z' })),
      reason: /envelope invalid: .*implausible instant: 0000-01-01/s,
    },
    {
      kind: 'wrong-type',
      value: JSON.stringify(envelope({ payload: 42 })),
      reason: /envelope invalid: .*payload/s,
    },
    { kind: 'huge', value: `"${'x'.repeat(300 * 1024)}"`, reason: /envelope invalid/ },
    { kind: 'duplicate-1', value: duplicate, reason: /implausible instant/ },
    { kind: 'duplicate-2', value: duplicate, reason: /implausible instant/ },
  ].map((m) => ({ ...m, key: `${m.kind}-${topic}-${run}` }));
}

interface Listed {
  messages: Array<{ key: string | null; reason: string; consumerGroup: string | null }>;
}

async function setAsideIn(service: Service): Promise<Listed['messages']> {
  const response = await fetch(
    `http://127.0.0.1:${SERVICE_PORTS[service]}/internal/set-aside-messages?limit=1000`,
    { headers },
  );
  return ((await response.json()) as Listed).messages;
}

describe('hostile messages on every topic', () => {
  it('CSV-04 every consumer sets aside each hostile message with its reason and goes on', async () => {
    const sentAt = Date.now();
    for (const topic of Object.keys(READERS))
      await publisher.publishBatch(
        hostile(topic).map(({ key, value }) => ({ topic, key, value, headers: {} })),
      );

    for (const [topic, readers] of Object.entries(READERS)) {
      for (const { service, group } of readers) {
        const expected = hostile(topic);
        const ours = await pollUntil(
          `${group} sets aside the hostile messages of ${topic}`,
          async () => {
            const rows = (await setAsideIn(service)).filter(
              (m) => m.consumerGroup === group && m.key?.endsWith(`-${topic}-${run}`),
            );
            return rows.length >= expected.length ? rows : undefined;
          },
        );
        for (const { key, reason } of expected) {
          const rows = ours.filter((m) => m.key === key);
          expect({ group, key, count: rows.length }).toEqual({ group, key, count: 1 });
          expect(rows[0].reason).toMatch(reason);
        }
      }
    }

    for (const service of ['donorIntake', 'production', 'release', 'traceability'] as const) {
      const health = await fetch(`http://127.0.0.1:${SERVICE_PORTS[service]}/health`);
      expect({ service, status: health.status }).toEqual({ service, status: 200 });
      const body = (await health.json()) as {
        info: {
          background: Record<string, { healthy: boolean; detail: { lastProgressAt?: string } }>;
        };
      };
      for (const [name, process] of Object.entries(body.info.background)) {
        if (!name.endsWith(' consumer')) continue;
        expect({ name, healthy: process.healthy }).toEqual({ name, healthy: true });
      }
      // Each group that read a hostile message committed past it: its progress is after them.
      for (const { group } of Object.values(READERS)
        .flat()
        .filter((r) => r.service === service)) {
        const progress = body.info.background[`${group} consumer`].detail.lastProgressAt!;
        expect({ group, after: Date.parse(progress) >= sentAt }).toEqual({ group, after: true });
      }
    }
  });
});
