import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Client as PgClient } from 'pg';
import {
  formatDonorCode,
  generateDonorUniqueCode,
  journeyStepUpdate,
  journeyWorkflowId,
} from '@v2v/contracts';
import { databaseUrl } from '@v2v/database';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { closeTemporalClient, getTemporalClient, temporalNamespace } from '@v2v/temporal';
import {
  documentedEndpoints,
  GatewayClient,
  happyPathSteps,
  negativeScreening,
  pollUntil,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const db = new PgClient({ connectionString: databaseUrl() });

/**
 * Every documented route of one journey (docs/roles.md), whatever its method. The FHIR reads
 * answer in FHIR's envelope (OperationOutcome) and name resources not made yet 404:
 * fhir.e2e-spec.ts holds them to the same tenancy.
 */
const journeyRoutes = documentedEndpoints(
  readFileSync(path.resolve(__dirname, '../../docs/roles.md'), 'utf8'),
).filter((e) => e.template.includes('{donorCode}') && !e.template.startsWith('/fhir/'));
const url = (template: string, donorCode: string) =>
  template.replace('{donorCode}', donorCode).replace('{deviationId}', 'no-such-deviation');

/** A valid donor code nobody registered: facility Z9999 issues none. */
const UNKNOWN = formatDonorCode(
  generateDonorUniqueCode({ facility: 'Z9999', year: 0, sequence: 424_242 }),
);
const NO_JOURNEY = { code: 'NOT_FOUND', message: 'no journey for donor code <code>', details: {} };

interface Order {
  donorCode: string;
  patientReference: string;
}

async function newOrder(institutionId: string): Promise<Order> {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId,
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(res.status).toBe(201);
  return { donorCode: res.body.donorCode, patientReference };
}

/** A journey whose workflow was terminated: its history is still there. */
async function terminated(institutionId: string): Promise<Order> {
  const order = await newOrder(institutionId);
  const client = await getTemporalClient();
  await client.workflow
    .getHandle(journeyWorkflowId(order.donorCode))
    .terminate('e2e: a journey that is gone');
  return order;
}

/**
 * A journey whose workflow is gone altogether: terminated, then deleted from Temporal. The dev
 * server deletes in the background, which takes longer than a minute under load, so both
 * institutions' deleted journeys are made once, before the tests that compare answers.
 */
async function deleted(institutionId: string): Promise<Order> {
  const order = await terminated(institutionId);
  const client = await getTemporalClient();
  const workflowId = journeyWorkflowId(order.donorCode);
  await client.workflowService.deleteWorkflowExecution({
    namespace: temporalNamespace(),
    workflowExecution: { workflowId },
  });
  await pollUntil(
    `${workflowId} deleted`,
    async () =>
      client.workflow
        .getHandle(workflowId)
        .describe()
        .then(
          () => undefined,
          (error: unknown) => (error instanceof WorkflowNotFoundError ? true : undefined),
        ),
    { timeoutMs: 150_000, intervalMs: 1_000 },
  );
  return order;
}

const deletedJourneys: Record<string, Promise<Order>> = {};
beforeAll(() => {
  for (const institution of ['INST-001', 'INST-002']) {
    deletedJourneys[institution] = deleted(institution);
    // Awaited by the test that needs it; a failure surfaces there, not as an unhandled rejection.
    deletedJourneys[institution].catch(() => undefined);
  }
});

/** The answer with the asked code replaced, so answers for different codes can be compared. */
async function answer(user: string, method: string, template: string, donorCode: string) {
  const res = await api.as(user, method, url(template, donorCode), {
    ...(method === 'GET' ? {} : { body: {} }),
  });
  const body = JSON.parse(JSON.stringify(res.body ?? null).replaceAll(donorCode, '<code>'));
  return { status: res.status, body };
}

async function gatewayRefusals(donorCode: string) {
  const { rows } = await db.query(
    `SELECT "username", "role", "method", "status", "code", "reason"
       FROM "gateway"."access_refusal" WHERE "donor_code" = $1 ORDER BY "id"`,
    [donorCode],
  );
  return rows;
}

beforeAll(() => db.connect());
afterAll(async () => {
  await db.end();
  await closeTemporalClient();
});

describe('tenancy from the donor register', () => {
  it.each([
    { user: 'hospital-inst-002', other: 'INST-001' },
    { user: 'hospital', other: 'INST-002' },
  ])(
    "CSV-03 answers $user another institution's code, an unknown code and a code whose journey is gone identically, on every journey route",
    async ({ user, other }) => {
      const codes = {
        foreign: (await newOrder(other)).donorCode,
        unknown: UNKNOWN,
        terminated: (await terminated(other)).donorCode,
        deleted: (await deletedJourneys[other]).donorCode,
      };
      const differing: string[] = [];
      for (const route of journeyRoutes) {
        const answers = {
          foreign: await answer(user, route.method, route.template, codes.foreign),
          unknown: await answer(user, route.method, route.template, codes.unknown),
          terminated: await answer(user, route.method, route.template, codes.terminated),
          deleted: await answer(user, route.method, route.template, codes.deleted),
        };
        const expected = route.roles.includes('hospital')
          ? { status: 404, body: NO_JOURNEY }
          : answers.unknown;
        for (const [kind, got] of Object.entries(answers)) {
          if (JSON.stringify(got) !== JSON.stringify(expected))
            differing.push(`${route.method} ${route.template} (${kind}): ${JSON.stringify(got)}`);
        }
      }
      expect(differing).toEqual([]);

      // A step the journey would accept is refused the same way, and nothing is written.
      const screening = await api.step(
        user,
        codes.foreign,
        'recordDonorScreening',
        negativeScreening(new Date()),
      );
      expect(screening).toEqual({
        status: 404,
        body: { ...NO_JOURNEY, message: `no journey for donor code ${codes.foreign}` },
      });
      const journey = await api.as<{ view: { stage: string } }>(
        'ops',
        'GET',
        `/api/journeys/${codes.foreign}`,
      );
      expect(journey.body.view.stage).toBe('ordered');
      const written = await db.query(
        `SELECT count(*)::int AS n FROM "donor_intake"."step_record" WHERE "donor_code" = $1`,
        [codes.foreign],
      );
      expect(written.rows).toEqual([{ n: 0 }]);

      // Where the hospital role may go at all, the refusal is on record with its real reason.
      const reached = journeyRoutes.filter((r) => r.roles.includes('hospital')).length;
      expect(reached).toBeGreaterThan(3);
      const foreign = await gatewayRefusals(codes.foreign);
      expect(foreign.filter((r) => r.status === 404)).toHaveLength(reached + 1);
      expect(foreign.filter((r) => r.status === 404)[0]).toMatchObject({
        username: user,
        role: 'hospital',
        code: 'NOT_FOUND',
        reason: expect.stringContaining(`registered to ${other}`),
      });
    },
  );

  it("CSV-03 keeps a hospital's own journey open on every route it may use", async () => {
    const order = await newOrder('INST-002');
    const readable = journeyRoutes.filter(
      (r) => r.method === 'GET' && r.roles.includes('hospital'),
    );
    for (const route of readable) {
      const res = await answer('hospital-inst-002', 'GET', route.template, order.donorCode);
      // Open: answered by the route itself (the label is not printable before collection; no
      // instructions for use travelled before the shipment, OTH-01, and no emergency was raised
      // on a journey just ordered, QA-04: each a 404 of its own).
      const unshipped =
        route.template.includes('/instructions-for-use') ||
        route.template.includes('/emergencies/');
      expect({ route: route.template, status: res.status }).toEqual({
        route: route.template,
        status: route.template.includes('/label.') ? 409 : unshipped ? 404 : 200,
      });
      if (unshipped) expect(res.body).not.toEqual(NO_JOURNEY);
    }
  });

  it('answers an unknown code 404 on every journey route, for every role, as the journey route does', async () => {
    const journey = await answer('ops', 'GET', '/api/journeys/{donorCode}', UNKNOWN);
    expect(journey).toEqual({ status: 404, body: NO_JOURNEY });
    const differing: string[] = [];
    for (const route of journeyRoutes) {
      for (const role of route.roles) {
        const got = await answer(role, route.method, route.template, UNKNOWN);
        if (JSON.stringify(got) !== JSON.stringify(journey))
          differing.push(`${route.method} ${route.template} as ${role}: ${JSON.stringify(got)}`);
      }
    }
    expect(differing).toEqual([]);
  });
});

describe('refusals on record', () => {
  it("PRD-06 TRC-03 refuses a production start on another donor's bag, records who tried at the gateway and in production, and writes no batch", async () => {
    const order = await newOrder('INST-001');
    const otherDonor = await newOrder('INST-001');
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'startProduction'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);

    const refused = await api.step<{ code: string }>(
      'operator',
      order.donorCode,
      'startProduction',
      {
        labelScan: otherDonor.donorCode,
      },
    );
    expect(refused).toMatchObject({ status: 409, body: { code: 'IDENTITY_MISMATCH' } });

    expect(await gatewayRefusals(order.donorCode)).toEqual([
      {
        username: 'operator',
        role: 'operator',
        method: 'POST',
        status: 409,
        code: 'IDENTITY_MISMATCH',
        reason: expect.stringContaining(otherDonor.donorCode),
      },
    ]);
    const production = await db.query(
      `SELECT "activity", "actor_user_id", "actor_role", "code", "event_id", "journey_id"
         FROM "production"."refusal_record" WHERE "donor_code" = $1`,
      [order.donorCode],
    );
    expect(production.rows).toEqual([
      {
        activity: 'startProduction',
        actor_user_id: 'operator',
        actor_role: 'operator',
        code: 'IDENTITY_MISMATCH',
        event_id: expect.any(String),
        journey_id: journeyWorkflowId(order.donorCode),
      },
    ]);
    const written = await db.query(
      `SELECT (SELECT count(*)::int FROM "production"."batch" WHERE "donor_code" = $1) AS "batches",
              (SELECT count(*)::int FROM "production"."step_record" WHERE "donor_code" = $1) AS "steps"`,
      [order.donorCode],
    );
    expect(written.rows).toEqual([{ batches: 0, steps: 0 }]);
    const status = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('material-released');

    const view = await api.as<Array<{ service: string; code: string; actor: object }>>(
      'qa-qp',
      'GET',
      `/api/journeys/${order.donorCode}/refusals`,
    );
    expect(view.status).toBe(200);
    // Production refused (and recorded) first; the gateway recorded the answer it then gave.
    expect(view.body).toEqual([
      expect.objectContaining({
        service: 'production',
        code: 'IDENTITY_MISMATCH',
        actor: { userId: 'operator', role: 'operator' },
        step: expect.objectContaining({ activity: 'startProduction' }),
      }),
      expect.objectContaining({
        service: 'gateway',
        code: 'IDENTITY_MISMATCH',
        actor: { userId: 'operator', role: 'operator' },
        request: expect.objectContaining({ method: 'POST', status: 409 }),
      }),
    ]);

    // The same scan sent straight to Temporal, past the gateway, is refused and on record in
    // production, where the batch would have been written.
    const forgedEventId = randomUUID();
    const forged = await (
      await getTemporalClient()
    ).workflow
      .getHandle(journeyWorkflowId(order.donorCode))
      .executeUpdate(journeyStepUpdate('startProduction'), {
        args: [
          {
            eventId: forgedEventId,
            actor: { userId: 'operator', role: 'operator' },
            payload: { labelScan: otherDonor.donorCode },
          },
        ],
      })
      .then(
        () => 'accepted',
        (error: unknown) =>
          error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure
            ? error.cause.type
            : error,
      );
    expect(forged).toBe('IDENTITY_MISMATCH');
    const onRecord = await db.query(
      `SELECT "activity", "code" FROM "production"."refusal_record" WHERE "event_id" = $1`,
      [forgedEventId],
    );
    expect(onRecord.rows).toEqual([{ activity: 'startProduction', code: 'IDENTITY_MISMATCH' }]);
    expect(await gatewayRefusals(order.donorCode)).toHaveLength(1);
    const stillNothing = await db.query(
      `SELECT count(*)::int AS n FROM "production"."batch" WHERE "donor_code" = $1`,
      [order.donorCode],
    );
    expect(stillNothing.rows).toEqual([{ n: 0 }]);

    // The mismatch stopped the step, not the journey: the right bag starts production.
    const start = scriptedStep(steps, 'startProduction');
    expect((await api.run(order.donorCode, start)).status).toBe(200);
  });

  it('CSV-03 records a step out of order, a role refusal and a missing token on the journey, and nothing at the service', async () => {
    const order = await newOrder('INST-001');
    const early = await api.step<{ code: string }>('operator', order.donorCode, 'startProduction', {
      labelScan: order.donorCode,
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'STEP_OUT_OF_ORDER' } });
    expect((await api.as('qc', 'GET', `/api/journeys/${order.donorCode}/audit`)).status).toBe(403);
    expect((await api.request('GET', `/api/journeys/${order.donorCode}`)).status).toBe(401);

    expect(await gatewayRefusals(order.donorCode)).toEqual([
      expect.objectContaining({
        username: 'operator',
        method: 'POST',
        status: 409,
        code: 'STEP_OUT_OF_ORDER',
      }),
      expect.objectContaining({ username: 'qc', role: 'qc', method: 'GET', status: 403 }),
      expect.objectContaining({ username: null, method: 'GET', status: 401 }),
    ]);
    // The journey's validator refused before any activity ran: production has nothing to record.
    const production = await db.query(
      `SELECT count(*)::int AS n FROM "production"."refusal_record" WHERE "donor_code" = $1`,
      [order.donorCode],
    );
    expect(production.rows).toEqual([{ n: 0 }]);
    const view = await api.as<Array<{ service: string; request?: { status: number } }>>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/refusals`,
    );
    expect(view.body.map((r) => [r.service, r.request?.status])).toEqual([
      ['gateway', 409],
      ['gateway', 403],
      ['gateway', 401],
    ]);
  });
});
