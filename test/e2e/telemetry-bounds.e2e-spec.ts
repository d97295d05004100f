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
 * straight on the topic, set aside by donor-intake with the same reason; so is a reading dated
 * before the material's collection (one ahead of receipt fails the upload's schema); a reading
 * that contradicts a stored one is listed as a flagged conflict.
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
  return {
    order,
    readings: scriptedStep(steps, 'recordMaterialReceipt').telemetry!,
    collectedAt: (scriptedStep(steps, 'recordCollection').payload as { collectedAt: string })
      .collectedAt,
  };
}

/** An upload the gateway refuses 409 GEN-01; its message. */
async function refusedUpload(upload: object) {
  const refused = await api.as<{ code: string; message: string }>(
    'data-logger',
    'POST',
    '/api/telemetry/readings',
    { body: upload },
  );
  expect(refused.status).toBe(409);
  expect(refused.body.code).toBe('GEN-01');
  return refused;
}

/** An upload put straight on the telemetry topic, past the gateway's checks. */
function publishUpload(donorCode: string, key: string, upload: object) {
  return publisher.publishBatch([
    {
      topic: TELEMETRY_TOPIC,
      key,
      headers: {},
      value: JSON.stringify({
        id: randomUUID(),
        aggregateType: 'journey',
        aggregateId: donorCode,
        messageType: TEMPERATURE_READINGS_MESSAGE_TYPE,
        occurredAt: new Date().toISOString(),
        payload: { ...upload, uploadedBy: { userId: 'data-logger', role: 'data-logger' } },
        metadata: { producer: 'e2e' },
      }),
    },
  ]);
}

function setAsideMessage(key: string) {
  return pollUntil(`the upload ${key} set aside`, async () => {
    const response = await fetch(`${donorIntake}/internal/set-aside-messages?limit=1000`, {
      headers: internalCallHeaders(internalServiceToken()),
    });
    const body = (await response.json()) as { messages: { key: string; reason: string }[] };
    return body.messages.find((m) => m.key === key);
  });
}

describe('logger uploads bound to their leg (GEN-01)', () => {
  it('GEN-01 refuses another logger at the gateway and sets it aside past the gateway', async () => {
    const { order, readings } = await handedOver();
    const intruder = { ...readings, loggerId: `LOGGER-OTHER-${run}` };
    const refused = await refusedUpload(intruder);
    expect(refused.body.message).toContain(`LOGGER-OTHER-${run}`);
    expect(refused.body.message).toContain('LOGGER-0001');

    const key = `intruder-${run}`;
    await publishUpload(order.donorCode, key, intruder);
    const setAside = await setAsideMessage(key);
    expect(setAside.reason).toMatch(/refused GEN-01: .*sent by data-logger.*LOGGER-0001/);
    const stored = await api.as<Stored>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/temperature-readings`,
    );
    expect(stored.body.readings.filter((r) => r.loggerId !== 'LOGGER-0001')).toEqual([]);
  });

  it('GEN-01 refuses a reading before the collection or ahead of receipt, at the gateway and past it', async () => {
    const { order, readings, collectedAt } = await handedOver();
    const beforeCollection = new Date(Date.parse(collectedAt) - 3_600_000).toISOString();
    const early = {
      ...readings,
      readings: [
        ...readings.readings.slice(0, 2),
        { measuredAt: beforeCollection, temperatureC: 5 },
      ],
    };
    const refused = await refusedUpload(early);
    expect(refused.body.message).toContain(
      `reading at ${beforeCollection} is before ${order.donorCode}'s material was collected`,
    );

    const ahead = new Date(Date.now() + 3_600_000).toISOString();
    const future = await api.as<{ code: string; fieldErrors: { path: string; message: string }[] }>(
      'data-logger',
      'POST',
      '/api/telemetry/readings',
      { body: { ...readings, readings: [{ measuredAt: ahead, temperatureC: 5 }] } },
    );
    expect(future.status).toBe(400);
    expect(future.body.fieldErrors).toContainEqual({
      path: 'readings.0.measuredAt',
      message: expect.stringMatching(/implausible instant: .* after receipt .*\(GEN-01\)/),
    });

    const key = `before-collection-${run}`;
    await publishUpload(order.donorCode, key, early);
    expect((await setAsideMessage(key)).reason).toMatch(
      /refused GEN-01: .*is before .*material was collected/,
    );
    const stored = await api.as<Stored>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/temperature-readings`,
    );
    expect(stored.body.readings.map((r) => r.measuredAt)).not.toContain(beforeCollection);
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
