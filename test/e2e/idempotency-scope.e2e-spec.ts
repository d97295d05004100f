import { randomUUID } from 'node:crypto';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { GatewayClient, happyPathSteps, scriptedStep } from '@v2v/testing';

// Issue 10 A9: an Idempotency-Key means one request of one user, on one route, for one donor
// code, at the gateway and in every event id it sends on. The same key elsewhere is another
// request with its own result.
const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);

async function screenedOrder() {
  const patientReference = `PAT-${randomUUID().slice(0, 8)}`;
  const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-01',
    },
  });
  expect(order.status).toBe(201);
  const journey = { donorCode: order.body.donorCode, patientReference };
  const screening = scriptedStep(happyPathSteps(journey), 'recordDonorScreening');
  expect((await api.run(journey.donorCode, screening)).status).toBe(200);
  return journey;
}

/** A second operator, created by the admin and trained to receive lots (PER-01). */
async function trainedOperator(): Promise<string> {
  const username = `operator-${randomUUID().slice(0, 8)}`;
  const temporaryPassword = `basalt-meadow-${randomUUID()}`;
  const password = `cobalt-harbour-${randomUUID()}`;
  const created = await api.as('admin', 'POST', '/api/admin/users', {
    body: { username, displayName: 'E2E operator', role: 'operator', temporaryPassword },
  });
  expect(created.status).toBe(201);
  const today = new Date().toISOString().slice(0, 10);
  const trained = await api.as('admin', 'POST', `/api/admin/users/${username}/training-records`, {
    body: { operation: 'receiveKeyMaterialLot', validFrom: today, validUntil: '2027-12-31' },
  });
  expect(trained.status).toBe(201);
  const login = (secret: string) =>
    api.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password: secret },
    });
  const first = await login(temporaryPassword);
  const changed = await api.request('POST', '/api/auth/password', {
    body: { currentPassword: temporaryPassword, newPassword: password },
    token: first.body.accessToken,
  });
  expect(changed.status).toBe(204);
  return (await login(password)).body.accessToken;
}

async function timelineSteps(donorCode: string): Promise<string[]> {
  const status = await api.as<{ timeline: Array<{ step?: string }> }>(
    'ops',
    'GET',
    `/api/journeys/${donorCode}`,
  );
  return status.body.timeline.flatMap((t) => (t.step ? [t.step] : []));
}

describe('Idempotency-Key scope', () => {
  it('applies the same key on two journeys to each journey, once', async () => {
    const first = await screenedOrder();
    const second = await screenedOrder();
    const key = randomUUID();
    const payload = { collectionDate: '2026-12-02' };
    const a = await api.step('scheduler', first.donorCode, 'scheduleCollection', payload, key);
    const b = await api.step('scheduler', second.donorCode, 'scheduleCollection', payload, key);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).not.toEqual(a.body);
    // Each repeat is answered with its own journey's first result, and writes nothing.
    expect(
      await api.step('scheduler', second.donorCode, 'scheduleCollection', payload, key),
    ).toEqual(b);
    for (const journey of [first, second]) {
      const steps = await timelineSteps(journey.donorCode);
      expect(steps.filter((s) => s === 'scheduleCollection')).toHaveLength(1);
    }
  });

  it('gives the same key from two users two independent results', async () => {
    const key = randomUUID();
    const body = () => ({
      supplier: 'CytoPure Biologics',
      supplierLot: `IL2-A9-${randomUUID().slice(0, 6)}`,
      expiresOn: '2027-12-31',
      certificateOfAnalysisChecked: true,
      inspectionResult: 'pass',
    });
    const path = '/api/key-materials/IL2-RH/lots';
    const byOperator = await api.as<{ lotId: string; status: string }>('operator', 'POST', path, {
      body: body(),
      idempotencyKey: key,
    });
    const byOtherOperator = await api.request<{ lotId: string; status: string }>('POST', path, {
      body: body(),
      idempotencyKey: key,
      token: await trainedOperator(),
    });
    expect(byOperator).toMatchObject({ status: 201, body: { status: 'quarantine' } });
    expect(byOtherOperator).toMatchObject({ status: 201, body: { status: 'quarantine' } });
    expect(byOtherOperator.body.lotId).not.toBe(byOperator.body.lotId);
  });
});
