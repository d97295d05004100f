import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { databaseUrl } from '@v2v/database';
import { internalCallHeaders, internalServiceToken, SERVICE_PORTS } from '@v2v/service-kit';
import { demoUserPassword, happyPathSteps, scriptedStep, stepsBefore } from '@v2v/testing';
import { api, newOrder, Order, screen } from './support/journeys';

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

  it('answers 400 naming the field for a NUL character in a path, a query or a body, at the gateway and at a service, and CSV-03 keeps a refusal quoting one', async () => {
    // PostgreSQL's text cannot hold U+0000: found by the fuzzer, these were database errors
    // answered 503 'internal error' before the shared guard refused them.
    const refused = [
      await api.as('production-manager', 'GET', '/api/equipment/%00%28'),
      await api.as('qc', 'GET', '/api/environmental-monitoring/sessions?roomCode=A%00B'),
      await api.as('production-manager', 'POST', '/api/facility/rooms/R1/changes', {
        body: { reason: 'a\u0000b', grade: 'A-in-B' },
        idempotencyKey: randomUUID(),
      }),
    ];
    expect(refused.map((r) => [r.status, (r.body as { code: string }).code])).toEqual([
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
    ]);
    expect(
      refused.map((r) => (r.body as { fieldErrors: Array<{ path: string }> }).fieldErrors[0].path),
    ).toEqual(['path.equipmentCode', 'query.roomCode', 'reason']);
    const direct = await fetch(
      `http://127.0.0.1:${SERVICE_PORTS.production}/internal/production-lines/L%001/media-fill-status`,
      { headers: internalCallHeaders(internalServiceToken()) },
    );
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { code: string }).code).toBe('VALIDATION_FAILED');

    // CSV-03: a refusal quoting such a value (TRC-02's malformed code) is on record, escaped.
    const marker = randomUUID().slice(0, 8);
    const malformed = await api.as('qa-qp', 'GET', `/api/journeys/%00${marker}/qc-results`);
    expect(malformed.status).toBe(400);
    expect((malformed.body as { code: string }).code).toBe('TRC-02');
    const db = new PgClient({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT code, reason FROM gateway.access_refusal WHERE path LIKE $1`,
        [`%${marker}%`],
      );
      expect(rows).toEqual([
        { code: 'TRC-02', reason: expect.stringContaining(`'\\u0000${marker}'`) },
      ]);
    } finally {
      await db.end();
    }
  });

  it('GEN-01 answers 400 naming collectedAt for a collection dated 3 days ahead, and keeps the stage', async () => {
    const order = await newOrder();
    const steps = happyPathSteps(order);
    for (const scripted of stepsBefore(steps, 'recordCollection'))
      expect((await api.run(order.donorCode, scripted)).status).toBe(200);
    const collection = scriptedStep(steps, 'recordCollection');
    const threeDaysAhead = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await api.step<{
      code: string;
      fieldErrors: Array<{ path: string; message: string }>;
    }>(collection.role, order.donorCode, 'recordCollection', {
      ...(collection.payload as object),
      collectedAt: threeDaysAhead,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fieldErrors).toEqual([
      {
        path: 'collectedAt',
        message: expect.stringMatching(
          new RegExp(
            `^implausible instant: ${threeDaysAhead} is more than 5 minutes after receipt .*\\(GEN-01\\)$`,
          ),
        ),
      },
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
      signature: { password: demoUserPassword() },
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
