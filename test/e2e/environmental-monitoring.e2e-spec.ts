import { randomInt, randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { databaseUrl, migrationDatabaseUrl } from '@v2v/database';
import { SERVICE_PORTS } from '@v2v/service-kit';
import {
  demoUserPassword,
  GatewayClient,
  INSERT_ROOM_BOOKING_SQL,
  pollUntil,
  roomBookingParams,
} from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const HOUR = 3_600_000;
const ROOM = 'CP1-R01'; // the demo A-in-B room

interface Excursion {
  excursionId: string;
  kind: string;
  zoneGrade: string;
  value: number;
  limit: number;
  open: boolean;
  pending: string[];
  organism: { genus: string } | null;
  exposedBatches: Array<{ donorCode: string; assessment: { conclusion: string } | null }>;
}
interface Session {
  sessionId: string;
  results: Array<{ kind: string; limit: number | null; outcome: string }>;
  excursions: Excursion[];
}
interface Holds {
  donorCode: string;
  releasable: boolean;
  holds: Array<{ excursionId: string; roomCode: string; sessionId: string }>;
}

interface JourneyStatus {
  view: { deviations: Array<{ deviationId: string; rule: string; description: string }> };
  timeline: Array<{ kind: string; summary: string }>;
}
const journey = async (donorCode: string) =>
  (await api.as<JourneyStatus>('ops', 'GET', `/api/journeys/${encodeURIComponent(donorCode)}`))
    .body;

async function sql<T>(url: string, text: string, params: unknown[]): Promise<T[]> {
  const db = new PgClient({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(text, params)).rows as T[];
  } finally {
    await db.end();
  }
}

/**
 * A booking of the production calendar for `donorCode` in the room. `production.room_booking`
 * is the calendar's table (its own migration); written here as the schema owner with the
 * columns agreed, since the calendar's booking rules are not what this file tests.
 */
const book = (donorCode: string, startsAt: Date, endsAt: Date) =>
  sql(
    migrationDatabaseUrl(),
    INSERT_ROOM_BOOKING_SQL,
    roomBookingParams({ bookingId: randomUUID(), donorCode, roomCode: ROOM, startsAt, endsAt }),
  );

const signaturesFor = async (excursionId: string) =>
  (
    await sql<{ n: number }>(
      databaseUrl(),
      `SELECT count(*)::int AS n FROM production.electronic_signature WHERE record_type = 'em-impact-assessment' AND record_id = $1`,
      [excursionId],
    )
  )[0].n;

describe('environmental monitoring through the gateway (PRD-05)', () => {
  // A random window days back, so reruns and other files' bookings of the room do not meet it.
  const start = new Date(Date.now() - randomInt(30, 3_000) * 24 * HOUR - randomInt(0, 24) * HOUR);
  const window = (offsetHours: number) => ({
    startedAt: new Date(start.getTime() + offsetHours * HOUR).toISOString(),
    endedAt: new Date(start.getTime() + (offsetHours + 2) * HOUR).toISOString(),
  });
  const inLimits = [
    { kind: 'settle-plate', zoneGrade: 'A', sampleLocation: 'BSC-101 work surface', value: 0 },
    { kind: 'glove-print', zoneGrade: 'A', sampleLocation: 'operator left hand', value: 0 },
    { kind: 'contact-plate', zoneGrade: 'B', sampleLocation: 'floor by the door', value: 4 },
    { kind: 'viable-air', zoneGrade: 'B', sampleLocation: 'room centre', value: 7 },
    { kind: 'particles-0.5um', zoneGrade: 'A', sampleLocation: 'BSC-101', value: 1_200 },
    { kind: 'particles-5um', zoneGrade: 'B', sampleLocation: 'room centre', value: 900 },
  ];

  it('PRD-05 records a session in CP1-R01 with every result in limits and opens no excursion', async () => {
    const res = await api.as<Session>('qc', 'POST', '/api/environmental-monitoring/sessions', {
      body: { roomCode: ROOM, ...window(0), occupancyState: 'in-operation', results: inLimits },
      idempotencyKey: randomUUID(),
    });
    expect(res.status).toBe(201);
    expect(res.body.results.map((r) => r.outcome)).toEqual(inLimits.map(() => 'within-limit'));
    expect(res.body.results.map((r) => r.limit)).toEqual([0, 0, 5, 10, 3_520, 2_900]);
    expect(res.body.excursions).toEqual([]);

    const wrongZone = await api.as('qc', 'POST', '/api/environmental-monitoring/sessions', {
      body: {
        roomCode: ROOM,
        ...window(0),
        occupancyState: 'at-rest',
        results: [{ kind: 'viable-air', zoneGrade: 'C', sampleLocation: 'corridor', value: 1 }],
      },
      idempotencyKey: randomUUID(),
    });
    expect(wrongZone).toMatchObject({ status: 409, body: { code: 'PRD-05' } });
    const listed = await api.as<Array<{ sessionId: string }>>(
      'production-manager',
      'GET',
      `/api/environmental-monitoring/sessions?roomCode=${ROOM}&from=${window(-1).startedAt}&to=${window(3).endedAt}`,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.map((s) => s.sessionId)).toEqual([res.body.sessionId]);
  });

  it('PRD-05 CSV-02 PER-03 turns 1 cfu on a grade A settle plate into an excursion that holds the booked batch until the organism is identified and QA signs its assessment', async () => {
    const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference: `PAT-${randomUUID().slice(0, 8)}`,
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
        requestedCollectionDate: '2026-12-01',
      },
    });
    expect(order.status).toBe(201);
    const { donorCode } = order.body;
    const session = window(10);
    await book(
      donorCode,
      new Date(Date.parse(session.startedAt) - HOUR),
      new Date(session.endedAt),
    );

    const recorded = await api.as<Session>('qc', 'POST', '/api/environmental-monitoring/sessions', {
      body: {
        roomCode: ROOM,
        ...session,
        occupancyState: 'in-operation',
        results: [
          ...inLimits.slice(1),
          {
            kind: 'settle-plate',
            zoneGrade: 'A',
            sampleLocation: 'BSC-101 work surface',
            value: 1,
          },
        ],
      },
      idempotencyKey: randomUUID(),
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.excursions).toEqual([
      expect.objectContaining({
        kind: 'settle-plate',
        zoneGrade: 'A',
        value: 1,
        limit: 0,
        open: true,
        exposedBatches: [expect.objectContaining({ donorCode, assessment: null })],
      }),
    ]);
    const { excursionId } = recorded.body.excursions[0];
    // The excursion is a deviation of the journey whose batch was booked in the room: raised
    // through production's outbox and signalled to the running journey by its consumer.
    const deviation = await pollUntil(
      'the PRD-05 deviation on the journey',
      async () =>
        (await journey(donorCode)).view.deviations.find(
          (d) => d.rule === 'PRD-05' && d.description.includes(recorded.body.sessionId),
        ),
      { timeoutMs: 60_000 },
    );
    expect(deviation.description).toMatch(
      new RegExp(`^settle-plate excursion in room ${ROOM} during session .*above the limit of 0`),
    );
    expect((await journey(donorCode)).timeline).toContainEqual(
      expect.objectContaining({ kind: 'deviation', summary: deviation.description }),
    );
    // DON-06.4: QA closes it, signed, like any deviation of the journey; once.
    const deviationsPath = `/api/journeys/${encodeURIComponent(donorCode)}/deviations`;
    const closePath = `${deviationsPath}/${deviation.deviationId}/close`;
    const closure = {
      investigation: 'plate exposed beside the open hatch during a transfer',
      rootCause: 'hatch interlock bypassed',
      correctiveAction: 'interlock restored; operators retrained on transfers',
      signature: { password: demoUserPassword() },
    };
    expect(await api.as('operator', 'POST', closePath, { body: closure })).toMatchObject({
      body: { code: 'PER-03' },
    });
    expect((await api.as('qa-qp', 'POST', closePath, { body: closure })).status).toBe(200);
    expect(await api.as('qa-qp', 'POST', closePath, { body: closure })).toMatchObject({
      status: 409,
      body: { code: 'DEVIATION_ALREADY_CLOSED' },
    });
    const listed = await api.as<Array<{ deviationId: string; status: string; closedBy: string }>>(
      'qa-qp',
      'GET',
      deviationsPath,
    );
    expect(listed.body).toEqual([
      expect.objectContaining({
        deviationId: deviation.deviationId,
        status: 'closed',
        closedBy: 'qa-qp',
      }),
    ]);
    const holdsPath = `/api/journeys/${encodeURIComponent(donorCode)}/environmental-monitoring-holds`;
    const held = await api.as<Holds>('qa-qp', 'GET', holdsPath);
    expect(held).toMatchObject({
      status: 200,
      body: {
        donorCode,
        releasable: false,
        holds: [{ excursionId, roomCode: ROOM, sessionId: recorded.body.sessionId }],
      },
    });
    const open = await api.as<Excursion[]>(
      'ops',
      'GET',
      '/api/environmental-monitoring/excursions?open=true',
    );
    expect(open.body.map((x) => x.excursionId)).toContain(excursionId);

    const assessPath = `/api/environmental-monitoring/excursions/${excursionId}/impact-assessments`;
    const assessment = {
      donorCode,
      conclusion: 'no-impact',
      rationale: 'Micrococcus luteus (skin flora) on the plate; product sterility test negative',
      signature: { password: demoUserPassword() },
    };
    const tooEarly = await api.as('qa-qp', 'POST', assessPath, { body: assessment });
    expect(tooEarly).toMatchObject({
      status: 409,
      body: { code: 'PRD-05', message: expect.stringContaining('identify the organism') },
    });

    const identified = await api.as<Excursion>(
      'qc',
      'POST',
      `/api/environmental-monitoring/excursions/${excursionId}/organism-identification`,
      {
        body: { genus: 'Micrococcus', species: 'luteus', method: 'MALDI-TOF' },
        idempotencyKey: randomUUID(),
      },
    );
    expect(identified).toMatchObject({
      status: 201,
      body: { organism: { genus: 'Micrococcus' }, open: true },
    });

    const byQc = await api.as('qc', 'POST', assessPath, { body: assessment });
    expect(byQc).toMatchObject({ status: 403, body: { code: 'PER-03' } });
    const wrongPassword = await api.as('qa-qp', 'POST', assessPath, {
      body: { ...assessment, signature: { password: 'not-the-password' } },
    });
    expect(wrongPassword).toMatchObject({ status: 403, body: { code: 'CSV-02' } });
    expect(await signaturesFor(excursionId)).toBe(0);
    expect((await api.as<Holds>('ops', 'GET', holdsPath)).body.releasable).toBe(false);

    const signed = await api.as<Excursion>('qa-qp', 'POST', assessPath, {
      body: assessment,
      idempotencyKey: randomUUID(),
    });
    expect(signed).toMatchObject({
      status: 201,
      body: {
        open: false,
        exposedBatches: [
          expect.objectContaining({
            donorCode,
            assessment: expect.objectContaining({ conclusion: 'no-impact' }),
          }),
        ],
      },
    });
    expect(await signaturesFor(excursionId)).toBe(1);
    expect(await api.as<Holds>('qa-qp', 'GET', holdsPath)).toMatchObject({
      status: 200,
      body: { donorCode, releasable: true, holds: [] },
    });
    const stillOpen = await api.as<Excursion[]>(
      'qc',
      'GET',
      '/api/environmental-monitoring/excursions?open=true',
    );
    expect(stillOpen.body.map((x) => x.excursionId)).not.toContain(excursionId);
  });
});
