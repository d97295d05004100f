import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { JOURNEY_STEP_NAMES, journeyWorkflowId } from '@v2v/contracts';
import { Client as PgClient } from 'pg';
import { databaseUrl, migrationDatabaseUrl } from '@v2v/database';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { temporalAddress } from '@v2v/temporal';
import { GatewayClient, happyPathSteps, pollUntil, scriptedStep, stepsBefore } from '@v2v/testing';
import { scopedEventId } from '../../apps/gateway/src/idempotency/idempotency-scope';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
let connection: Connection;
let temporal: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address: temporalAddress() });
  temporal = new Client({ connection });
});
afterAll(() => connection.close());

interface Order {
  donorCode: string;
  journeyId: string;
  temporalUiUrl: string;
}

async function newOrder(patientReference = `PAT-${randomUUID().slice(0, 8)}`) {
  const res = await api.as<Order>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(res.status).toBe(201);
  return { ...res.body, patientReference };
}

/** The donor's screening, which every collection booking needs first (DON-01). */
async function screen(order: { donorCode: string; patientReference: string }) {
  const screening = scriptedStep(happyPathSteps(order), 'recordDonorScreening');
  expect((await api.run(order.donorCode, screening)).status).toBe(200);
}

/** The stage sequence as the workflow recorded it: its JourneyStage search-attribute upserts. */
async function stagesInHistory(workflowId: string): Promise<string[]> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const stages: string[] = [];
  for (const event of history.events ?? []) {
    const fields =
      event.workflowExecutionStartedEventAttributes?.searchAttributes?.indexedFields ??
      event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
    const payload = fields?.JourneyStage;
    if (payload) {
      const value = defaultPayloadConverter.fromPayload<string | string[]>(payload);
      const stage = Array.isArray(value) ? value[0] : value;
      if (stages[stages.length - 1] !== stage) stages.push(stage);
    }
  }
  return stages;
}

describe('a patient journey from order to infusion through the gateway', () => {
  it('GEN-02 TRC-01 runs every stage, records the history and traces donor ⇄ patient', async () => {
    const orderedAt = new Date(Date.now() - 1000).toISOString();
    const order = await newOrder();
    expect(order.journeyId).toBe(journeyWorkflowId(order.donorCode));

    const stagesSeen: string[] = [];
    for (const scripted of happyPathSteps(order)) {
      const { step } = scripted;
      const res = await api.run<{ stage: string }>(order.donorCode, scripted);
      expect({ step, status: res.status, body: res.body }).toMatchObject({ step, status: 200 });
      stagesSeen.push(res.body.stage);
    }
    expect(stagesSeen.slice(-2)).toEqual(['received-at-site', 'follow-up']);

    expect(await stagesInHistory(order.journeyId)).toEqual([
      'ordered',
      'donor-screened',
      'collection-scheduled',
      'collected',
      'in-transit-to-factory',
      'received',
      'material-released',
      'in-production',
      'qc',
      'release-review',
      'released',
      'shipped',
      'received-at-site',
      'infused',
      'follow-up',
    ]);

    const status = await api.as<{ view: { stage: string }; timeline: unknown[] }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.status).toBe(200);
    expect(status.body.view.stage).toBe('follow-up');

    const byDonor = await pollUntil('the whole chain in the ledger', async () => {
      const res = await api.as<{
        patientReference: string;
        entries: Array<{ messageType: string; seq: number; entryHash: string }>;
      }>('ops', 'GET', `/api/traces/donors/${order.donorCode}`);
      return res.status === 200 &&
        res.body.entries.some((e) => e.messageType === 'product.infused.v1')
        ? res.body
        : undefined;
    });
    expect(byDonor.patientReference).toBe(order.patientReference);
    // Every entry of the chain, each once (seq is append order; the trace reads in occurrence
    // order).
    expect(byDonor.entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      byDonor.entries.map((_, i) => i + 1),
    );
    expect(byDonor.entries.map((e) => e.messageType)).toEqual([
      'donor.registered.v1',
      'donor.screened.v1',
      'collection.scheduled.v1',
      'donor-material.collected.v1',
      'donor-material.stored.v1',
      'donor-material.handed-to-courier.v1',
      'donor-material.received.v1',
      'donor-material.released.v1',
      'batch.started.v1',
      'batch.completed.v1',
      'qc-result.recorded.v1',
      'batch.released.v1',
      'product.shipped.v1',
      'product.received-at-site.v1',
      'product.infused.v1',
    ]);

    const byPatient = await api.as<{ journeys: Array<{ donorCode: string; entries: unknown[] }> }>(
      'ops',
      'GET',
      `/api/traces/patients/${order.patientReference}`,
    );
    expect(byPatient.status).toBe(200);
    expect(byPatient.body.journeys).toHaveLength(1);
    expect(byPatient.body.journeys[0].donorCode).toBe(order.donorCode);
    expect(byPatient.body.journeys[0].entries).toHaveLength(byDonor.entries.length);

    const verify = await api.as<{ valid: boolean }>('ops', 'POST', '/api/ledger/verify', {
      body: { donorCode: order.donorCode },
    });
    expect(verify.body.valid).toBe(true);

    const audit = await api.as<
      Array<{
        service: string;
        recordType: string;
        action: string;
        actor: { role: string };
        reason: string | null;
      }>
    >('qa-qp', 'GET', `/api/journeys/${order.donorCode}/audit`);
    expect(audit.status).toBe(200);
    const kinds = audit.body.map((e) => `${e.service}:${e.recordType}:${e.action}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'donor-intake:electronic-signature:create',
        'release:electronic-signature:create',
        'donor-intake:donor:create',
        'donor-intake:collection:create',
        'production:batch:create',
        'production:batch:update',
        'release:qc-result:create',
        'release:infusion:create',
      ]),
    );
    expect(audit.body.find((e) => e.recordType === 'batch' && e.action === 'update')).toMatchObject(
      { reason: expect.any(String), actor: { role: 'operator' } },
    );
    const integrity = await api.as<{ valid: boolean }>('ops', 'POST', '/api/integrity/verify');
    expect(integrity.body.valid).toBe(true);

    const csv = await api.as<string>('qa-qp', 'GET', `/api/journeys/${order.donorCode}/export.csv`);
    expect(csv.status).toBe(200);
    // The journey's own chain is complete by now; the whole ledger's head may still move as
    // other tests' events arrive, so its value is only checked for form here.
    const chainHead = [...byDonor.entries].sort((a, b) => b.seq - a.seq)[0];
    expect(csv.body).toContain(`export,journeyChainHead,${chainHead.entryHash}`);
    expect(csv.body).toMatch(/export,ledgerHeadHash,[0-9a-f]{64}/);
    for (const e of byDonor.entries) expect(csv.body).toContain(`trace,${e.seq},`);
    expect(csv.body).toContain('audit,');
    expect(csv.body).toMatch(
      /signature,[^,]+,releaseMaterial,released,qa-qp \(qa-qp\),[0-9a-f]{64},true/,
    );
    const range = await api.as<string>(
      'qa-qp',
      'GET',
      `/api/exports/journeys.csv?from=${encodeURIComponent(orderedAt)}&to=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(range.status).toBe(200);
    expect(range.body).toContain(`export,donorCode,${order.donorCode}`);
    expect(
      (await api.as('qa-qp', 'GET', '/api/exports/journeys.csv?from=2026-12-31&to=2026-01-01'))
        .status,
    ).toBe(400);
    const pdf = await fetch(`${api.baseUrl}/api/journeys/${order.donorCode}/export.pdf`, {
      headers: { authorization: `Bearer ${await api.login('qa-qp')}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await pdf.arrayBuffer()).byteLength).toBeGreaterThan(2000);

    const listed = await pollUntil('the journey in Temporal visibility', async () => {
      const found = [];
      for await (const wf of temporal.workflow.list({ query: `DonorCode = "${order.donorCode}"` }))
        found.push(wf);
      return found.length > 0 ? found : undefined;
    });
    expect(listed.map((w) => w.workflowId)).toEqual([order.journeyId]);
  });
});

describe('electronic signatures of release decisions', () => {
  it("CSV-02 PER-03 needs the qualified person's re-entered password, binds the signature to the record and voids it when the record changes", async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'releaseMaterial'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const release = scriptedStep(steps, 'releaseMaterial');

    const byOperator = await api.step<{ code: string }>(
      'operator',
      order.donorCode,
      'releaseMaterial',
      release.payload,
    );
    expect(byOperator.status).toBe(403);
    expect(byOperator.body.code).toBe('PER-03');
    const unsigned = await api.step<{ code: string }>('qa-qp', order.donorCode, 'releaseMaterial', {
      comment: 'no signature',
    });
    expect(unsigned.status).toBe(400);
    const wrongPassword = await api.step<{ code: string }>(
      'qa-qp',
      order.donorCode,
      'releaseMaterial',
      { comment: 'x', signature: { password: 'not-my-password' } },
    );
    expect(wrongPassword.status).toBe(403);
    expect(wrongPassword.body.code).toBe('CSV-02');
    expect(
      (await api.as<{ view: { stage: string } }>('ops', 'GET', `/api/journeys/${order.donorCode}`))
        .body.view.stage,
    ).toBe('received');

    const key = randomUUID();
    expect(
      (await api.step('qa-qp', order.donorCode, 'releaseMaterial', release.payload, key)).status,
    ).toBe(200);
    // The step's event id is its Idempotency-Key scoped to user, route and donor code (A9).
    const eventId = scopedEventId({
      username: 'qa-qp',
      route: 'POST /api/journeys/:donorCode/release-material',
      donorCode: order.donorCode,
      key,
    });
    type Signature = {
      signer: { userId: string; role: string };
      meaning: string;
      signedAt: string;
      valid: boolean;
      voidReason?: string;
    };
    const signed = await api.as<Signature[]>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(signed.body).toEqual([
      expect.objectContaining({
        signer: { userId: 'qa-qp', role: 'qa-qp' },
        meaning: 'released',
        valid: true,
      }),
    ]);

    // The signed decision cannot be changed by the services' role (append-only, CSV-01) …
    const change = `UPDATE donor_intake.step_record SET detail = jsonb_set(detail, '{comment}', '"changed after signing"') WHERE event_id = $1`;
    const service = new PgClient({ connectionString: databaseUrl() });
    await service.connect();
    try {
      await expect(service.query(change, [eventId])).rejects.toThrow(
        /permission denied|cannot be changed/,
      );
    } finally {
      await service.end();
    }
    // … and should the schema owner switch the trigger off to edit it, the signature shows void.
    const owner = new PgClient({ connectionString: migrationDatabaseUrl() });
    await owner.connect();
    try {
      await expect(owner.query(change, [eventId])).rejects.toThrow(/cannot be changed \(CSV-01\)/);
      await owner.query('BEGIN');
      await owner.query(
        `ALTER TABLE donor_intake.step_record DISABLE TRIGGER "TRG_step_record_append_only"`,
      );
      await owner.query(change, [eventId]);
      await owner.query(
        `ALTER TABLE donor_intake.step_record ENABLE TRIGGER "TRG_step_record_append_only"`,
      );
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
    const after = await api.as<Signature[]>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(after.body).toEqual([
      expect.objectContaining({
        valid: false,
        voidReason: 'the signed record changed after signing',
      }),
    ]);
  });
});

describe('hospital tenancy', () => {
  it("CSV-03 answers another institution's journey exactly as an unknown one, and logs the refusal", async () => {
    const order = await newOrder(); // at INST-001
    expect((await api.as('hospital', 'GET', `/api/journeys/${order.donorCode}`)).status).toBe(200);

    const foreign = await api.as<{ code: string; message: string }>(
      'hospital-inst-002',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    const unknownCode = 'A99991500000100M';
    const unknown = await api.as<{ code: string; message: string }>(
      'hospital-inst-002',
      'GET',
      `/api/journeys/${unknownCode}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe(unknown.body.code);
    expect(foreign.body.message).toBe(unknown.body.message.replace(unknownCode, order.donorCode));

    for (const scripted of stepsBefore(happyPathSteps(order), 'recordCollection'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const step = await api.step('hospital-inst-002', order.donorCode, 'recordCollection', {
      collectedAt: '2026-12-01T08:00:00Z',
      volumeMl: 100,
      bagLot: 'B',
      collectionOperator: 'N',
    });
    expect(step.status).toBe(404);
    const status = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('collection-scheduled');

    const listed = await api.as<Array<{ donorCode: string; institutionId: string }>>(
      'hospital-inst-002',
      'GET',
      '/api/journeys?institutionId=INST-001',
    );
    expect(listed.status).toBe(200);
    expect(listed.body.filter((j) => j.institutionId !== 'INST-002')).toEqual([]);

    const db = new PgClient({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT status, method FROM gateway.access_refusal WHERE username = 'hospital-inst-002' AND path LIKE $1 ORDER BY id`,
        [`%${order.donorCode}%`],
      );
      expect(rows).toEqual([
        { status: 404, method: 'GET' },
        { status: 404, method: 'POST' },
      ]);
    } finally {
      await db.end();
    }
  });
});

describe('the public API document', () => {
  it('is served at /api/docs-json with every step endpoint and bearer auth', async () => {
    const res = await api.request<{
      paths: Record<string, Record<string, { operationId?: string }>>;
      components: { securitySchemes?: object };
    }>('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    const operations = Object.values(res.body.paths).flatMap((p) =>
      Object.values(p).map((o) => o.operationId),
    );
    for (const step of JOURNEY_STEP_NAMES) expect(operations).toContain(step);
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
    expect((await api.request('GET', '/api/docs')).status).toBe(200);
  });
});

describe('refusals at the gateway', () => {
  it('answers 400 with the field errors for an invalid body, and writes nothing', async () => {
    const order = await newOrder();
    await screen(order);
    await api.step('scheduler', order.donorCode, 'scheduleCollection', {
      collectionDate: '2026-12-01',
    });
    const res = await api.step<{ code: string; fieldErrors: Array<{ path: string }> }>(
      'hospital',
      order.donorCode,
      'recordCollection',
      { collectedAt: 'yesterday', bagLot: 'BAG-1' },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fieldErrors.map((f) => f.path).sort()).toEqual([
      'collectedAt',
      'collectionOperator',
      'volumeMl',
    ]);
    const status = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('collection-scheduled');
  });

  it('TRC-02 answers 400 for a donor code with a wrong check character', async () => {
    const order = await newOrder();
    const wrong = order.donorCode.slice(0, 15) + (order.donorCode[15] === 'A' ? 'B' : 'A');
    const res = await api.as<{ code: string }>('ops', 'GET', `/api/journeys/${wrong}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('TRC-02');
  });

  it('answers 404 for a valid donor code that has no journey', async () => {
    const res = await api.as<{ code: string }>('ops', 'GET', '/api/journeys/A99991500000100M');
    expect(res.status).toBe(404);
  });

  it('answers 409 STEP_OUT_OF_ORDER for a step the stage does not allow, and the stage stays', async () => {
    const order = await newOrder();
    const res = await api.step<{ code: string }>('qa-qp', order.donorCode, 'releaseBatch', {
      signature: { password: 'change-me-now' },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('STEP_OUT_OF_ORDER');
    const status = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('ordered');
    const signatures = await api.as<unknown[]>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}/signatures`,
    );
    expect(signatures.body).toEqual([]);
  });

  it('applies a repeated step with the same Idempotency-Key once', async () => {
    const order = await newOrder();
    await screen(order);
    const key = randomUUID();
    const payload = { collectionDate: '2026-12-02' };
    const first = await api.step('scheduler', order.donorCode, 'scheduleCollection', payload, key);
    const again = await api.step('scheduler', order.donorCode, 'scheduleCollection', payload, key);
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    const status = await api.as<{ timeline: Array<{ step?: string }> }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.timeline.filter((t) => t.step === 'scheduleCollection')).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with a different request (409) and answers an order repeat with the same journey', async () => {
    const order = await newOrder();
    await screen(order);
    const key = randomUUID();
    expect(
      (
        await api.step(
          'scheduler',
          order.donorCode,
          'scheduleCollection',
          { collectionDate: '2026-12-03' },
          key,
        )
      ).status,
    ).toBe(200);
    const reused = await api.step<{ code: string }>(
      'scheduler',
      order.donorCode,
      'scheduleCollection',
      { collectionDate: '2026-12-04' },
      key,
    );
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_CONFLICT');

    const orderKey = randomUUID();
    const body = {
      patientReference: `PAT-${orderKey.slice(0, 8)}`,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    };
    const first = await api.as<Order>('scheduler', 'POST', '/api/orders', {
      body,
      idempotencyKey: orderKey,
    });
    const again = await api.as<Order>('scheduler', 'POST', '/api/orders', {
      body,
      idempotencyKey: orderKey,
    });
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    const other = await api.as<{ code: string }>('scheduler', 'POST', '/api/orders', {
      body: { ...body, patientReference: 'PAT-someone-else' },
      idempotencyKey: orderKey,
    });
    expect(other.status).toBe(409);
  });

  it('refuses a receipt whose label scan is another donor (IDENTITY_MISMATCH) and keeps the stage', async () => {
    const order = await newOrder();
    const other = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'recordMaterialReceipt'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const receipt = scriptedStep(steps, 'recordMaterialReceipt');
    const res = await api.step<{ code: string }>(receipt.role, order.donorCode, receipt.step, {
      ...(receipt.payload as object),
      labelScan: other.donorCode,
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IDENTITY_MISMATCH');
    const status = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('in-transit-to-factory');
  });

  it('answers 401 without a token and 403 for a role the endpoint does not allow', async () => {
    const order = await newOrder();
    const anonymous = await api.request(
      'POST',
      `/api/journeys/${order.donorCode}/schedule-collection`,
      {
        body: { collectionDate: '2026-12-01' },
      },
    );
    expect(anonymous.status).toBe(401);
    const wrongRole = await api.step('qc', order.donorCode, 'scheduleCollection', {
      collectionDate: '2026-12-01',
    });
    expect(wrongRole.status).toBe(403);
  });

  it('GEN-03 refuses an order for a product without a published specification', async () => {
    const res = await api.as<{ code: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference: 'PAT-unknown-product',
        institutionId: 'INST-001',
        productCode: 'NO-SUCH-PRODUCT',
        requestedCollectionDate: '2026-12-01',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('UNKNOWN_PRODUCT');
  });

  it('PER-01 refuses a step to a user whose training for it expired, and keeps the stage', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'startProduction'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const start = scriptedStep(steps, 'startProduction');
    const refused = await api.step<{ code: string; message: string }>(
      'operator-untrained',
      order.donorCode,
      start.step,
      start.payload,
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'PER-01',
      message: expect.stringContaining('expired'),
    });
    const status = await api.as<{ view: { stage: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('material-released');
    expect((await api.step(start.role, order.donorCode, start.step, start.payload)).status).toBe(
      200,
    );
  });

  it("QA-03 refuses deleting a journey's records during retention, at the API and in the database", async () => {
    const order = await newOrder();
    const res = await api.as<{ code: string; message: string; details: { retainedUntil: string } }>(
      'ops',
      'DELETE',
      `/api/journeys/${order.donorCode}`,
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('QA-03');
    expect(new Date(res.body.details.retainedUntil).getUTCFullYear()).toBe(
      new Date().getUTCFullYear() + 30,
    );
    expect((await api.as('ops', 'GET', `/api/journeys/${order.donorCode}`)).status).toBe(200);
    expect((await api.as('hospital', 'DELETE', `/api/journeys/${order.donorCode}`)).status).toBe(
      403,
    );

    const db = new PgClient({ connectionString: databaseUrl() });
    await db.connect();
    try {
      await expect(
        db.query(`DELETE FROM donor_intake.donor WHERE donor_code = $1`, [order.donorCode]),
      ).rejects.toThrow(/QA-03/);
    } finally {
      await db.end();
    }
  });

  it('MAT-03 refuses a hand-over on a shipper whose qualification lapsed, or that is not qualified, and keeps the stage', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'handOverToCourier'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const handOver = scriptedStep(steps, 'handOverToCourier');
    for (const shipperId of ['SHIPPER-EXPIRED-01', 'A-PLAIN-COOLBOX']) {
      const res = await api.step<{ code: string }>(handOver.role, order.donorCode, handOver.step, {
        ...(handOver.payload as object),
        shipperId,
      });
      expect({ shipperId, status: res.status, code: res.body.code }).toEqual({
        shipperId,
        status: 409,
        code: 'MAT-03',
      });
    }
    const status = await api.as<{ view: { stage: string }; pendingDeadlines: unknown[] }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    expect(status.body.view.stage).toBe('collected');
    expect(status.body.pendingDeadlines).toEqual([]);
    expect(
      (await api.step(handOver.role, order.donorCode, handOver.step, handOver.payload)).status,
    ).toBe(200);
  });

  it('DON-02 refuses an order for a suspended institution', async () => {
    const res = await api.as<{ code: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference: 'PAT-suspended',
        institutionId: 'INST-009',
        productCode: 'CART-CD19',
        requestedCollectionDate: '2026-12-01',
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DON-02');
  });
});
