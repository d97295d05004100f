import { randomUUID } from 'node:crypto';
import {
  journeyWorkflowId,
  TELEMETRY_TOPIC,
  TEMPERATURE_READINGS_MESSAGE_TYPE,
} from '@v2v/contracts';
import { createKafka, KafkaJsEventPublisher } from '@v2v/messaging';
import { internalCallHeaders, internalServiceToken, SERVICE_PORTS } from '@v2v/service-kit';
import { happyPathSteps, loggerReadings, pollUntil, scriptedStep, stepsBefore } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

/**
 * GEN-01 on the running stack: the transport leg is bound to the logger its hand-over named.
 * Another logger's upload is refused at the gateway (409 GEN-01, naming both loggers) and, put
 * straight on the topic, set aside by donor-intake with the same reason; a reading that
 * contradicts a stored one is listed as a flagged conflict.
 */
const run = randomUUID().slice(0, 8);
const donorIntake = `http://127.0.0.1:${SERVICE_PORTS.donorIntake}`;
const publisher = new KafkaJsEventPublisher(createKafka(`e2e-telemetry-bounds-${run}`));

afterAll(() => publisher.disconnect());

interface Stored {
  count: number;
  readings: Array<{ loggerId: string; measuredAt: string; temperatureC: number }>;
  conflicts: Array<{ measuredAt: string; temperatureC: number; storedTemperatureC: number }>;
}

async function handedOver() {
  const order = await newOrder();
  const steps = happyPathSteps(order);
  for (const scripted of stepsBefore(steps, 'recordMaterialReceipt'))
    expect((await api.run(order.donorCode, scripted)).status).toBe(200);
  // The leg binds its logger as it opens (an activity of its own): wait for its audit entry.
  const legWorkflowId = `${journeyWorkflowId(order.donorCode)}-transport-to-factory-0`;
  await pollUntil('the transport leg bound to its logger', async () => {
    const res = await api.as<unknown[]>(
      'ops',
      'GET',
      `/api/audit/records/custody-leg-logger/${legWorkflowId}`,
    );
    return res.status === 200 && res.body.length > 0 ? true : undefined;
  });
  return { order, readings: scriptedStep(steps, 'recordMaterialReceipt').telemetry! };
}

describe('logger uploads bound to their leg (GEN-01)', () => {
  it('GEN-01 refuses another logger at the gateway and sets it aside past the gateway', async () => {
    const { order, readings } = await handedOver();
    const intruder = { ...readings, loggerId: `LOGGER-OTHER-${run}` };
    const refused = await api.as<{ code: string; message: string }>(
      'data-logger',
      'POST',
      '/api/telemetry/readings',
      { body: intruder },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('GEN-01');
    expect(refused.body.message).toContain(`LOGGER-OTHER-${run}`);
    expect(refused.body.message).toContain('LOGGER-0001');

    const key = `intruder-${run}`;
    await publisher.publishBatch([
      {
        topic: TELEMETRY_TOPIC,
        key,
        headers: {},
        value: JSON.stringify({
          id: randomUUID(),
          aggregateType: 'journey',
          aggregateId: order.donorCode,
          messageType: TEMPERATURE_READINGS_MESSAGE_TYPE,
          occurredAt: new Date().toISOString(),
          payload: { ...intruder, uploadedBy: { userId: 'data-logger', role: 'data-logger' } },
          metadata: { producer: 'e2e' },
        }),
      },
    ]);
    const setAside = await pollUntil('the intruder set aside', async () => {
      const response = await fetch(`${donorIntake}/internal/set-aside-messages?limit=1000`, {
        headers: internalCallHeaders(internalServiceToken()),
      });
      const body = (await response.json()) as { messages: { key: string; reason: string }[] };
      return body.messages.find((m) => m.key === key);
    });
    expect(setAside.reason).toMatch(/refused GEN-01: .*sent by data-logger.*LOGGER-0001/);
    const stored = await api.as<Stored>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/temperature-readings`,
    );
    expect(stored.body.readings.filter((r) => r.loggerId !== 'LOGGER-0001')).toEqual([]);
  });

  it('GEN-01 lists a reading that contradicts a stored one as a flagged conflict', async () => {
    const { order } = await handedOver();
    const measuredAt = new Date(Date.now() - 60_000).toISOString();
    const upload = (temperatureC: number) =>
      loggerReadings({
        donorCode: order.donorCode,
        leg: 'transport-to-factory',
        from: measuredAt,
        to: measuredAt,
        everyMinutes: 1,
        temperatureC,
      });
    await api.uploadReadings(upload(5.2));
    const res = await api.as('data-logger', 'POST', '/api/telemetry/readings', {
      body: upload(6.8),
    });
    expect(res.status).toBe(202);
    const listed = await pollUntil('the flagged conflict', async () => {
      const stored = await api.as<Stored>(
        'ops',
        'GET',
        `/api/journeys/${order.donorCode}/temperature-readings`,
      );
      return stored.body.conflicts.length > 0 ? stored.body : undefined;
    });
    expect(listed.conflicts).toEqual([
      expect.objectContaining({
        measuredAt: new Date(measuredAt).toISOString(),
        temperatureC: 6.8,
        storedTemperatureC: 5.2,
      }),
    ]);
    expect(listed.readings).toHaveLength(1);
  });
});
