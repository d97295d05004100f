import { randomUUID } from 'node:crypto';
import {
  formatDonorCode,
  generateDonorUniqueCode,
  TELEMETRY_TOPIC,
  TEMPERATURE_READINGS_MESSAGE_TYPE,
} from '@v2v/contracts';
import { createKafka, KafkaJsEventPublisher } from '@v2v/messaging';
import { internalCallHeaders, internalServiceToken, SERVICE_PORTS } from '@v2v/service-kit';
import { pollUntil } from '@v2v/testing';

/**
 * CSV-04 and GEN-01 on the running stack: hostile messages put straight on the telemetry topic
 * (past the gateway's validation, as a broken producer would) are set aside by donor-intake,
 * which stays up and healthy and lists them with their reasons.
 */
const run = randomUUID().slice(0, 8);
const donorIntake = `http://127.0.0.1:${SERVICE_PORTS.donorIntake}`;
const headers = internalCallHeaders(internalServiceToken());
const publisher = new KafkaJsEventPublisher(createKafka(`e2e-set-aside-${run}`));

afterAll(() => publisher.disconnect());

interface Listed {
  messages: { key: string | null; reason: string; consumerGroup: string | null }[];
}

describe('a bad message does not stop a service', () => {
  it('CSV-04 GEN-01 sets aside a year-0 reading and a non-JSON message; donor-intake stays healthy', async () => {
    const donorCode = formatDonorCode(
      generateDonorUniqueCode({
        facility: 'I0001',
        year: 2026,
        sequence: 1 + Math.floor(Math.random() * 999_998),
      }),
    );
    const year0 = {
      id: randomUUID(),
      aggregateType: 'journey',
      aggregateId: donorCode,
      messageType: TEMPERATURE_READINGS_MESSAGE_TYPE,
      occurredAt: new Date().toISOString(),
      payload: {
        loggerId: `LOG-${run}`,
        donorCode,
        leg: 'transport-to-factory',
        readings: [{ measuredAt: '0000-01-01T00:00:00Z', temperatureC: 4 }],
      },
      metadata: { producer: 'e2e' },
    };
    await publisher.publishBatch([
      { topic: TELEMETRY_TOPIC, key: `year0-${run}`, value: JSON.stringify(year0), headers: {} },
      { topic: TELEMETRY_TOPIC, key: `garbage-${run}`, value: '{"oops', headers: {} },
    ]);

    const listed = await pollUntil('both messages set aside', async () => {
      const response = await fetch(`${donorIntake}/internal/set-aside-messages?limit=1000`, {
        headers,
      });
      const body = (await response.json()) as Listed;
      const ours = body.messages.filter((m) => m.key?.endsWith(run));
      return ours.length === 2 ? ours : undefined;
    });
    const byKey = Object.fromEntries(listed.map((m) => [m.key, m]));
    expect(byKey[`year0-${run}`].reason).toMatch(/measuredAt/);
    expect(byKey[`year0-${run}`].consumerGroup).toBe('donor-intake-telemetry');
    expect(byKey[`garbage-${run}`].reason).toMatch(/not JSON/);

    const health = await fetch(`${donorIntake}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as {
      info: { setAside: { messages: number }; background: Record<string, { healthy: boolean }> };
    };
    expect(body.info.setAside.messages).toBeGreaterThanOrEqual(2);
    expect(body.info.background['donor-intake-telemetry consumer'].healthy).toBe(true);
  });
});
