import { batchRecordWorkflowId, JOURNEY_STEP_NAMES, journeyWorkflowId } from '@v2v/contracts';
import { DEMO_PROCESS_CART_CD19, happyPathSteps, pollUntil } from '@v2v/testing';
import { api, newOrder, stagesInHistory, useTemporal } from './support/journeys';

const temporal = useTemporal();

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

    expect(await stagesInHistory(temporal(), order.journeyId)).toEqual([
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
      // Each step of the batch record: its start, the key materials it consumed, its completion.
      ...DEMO_PROCESS_CART_CD19.steps.flatMap((step) => [
        'batch.step-started.v1',
        ...step.consumables.map(() => 'key-material.consumed.v1'),
        'batch.step-completed.v1',
      ]),
      'batch.completed.v1',
      'qc-result.recorded.v1',
      'batch.released.v1',
      'product.shipped.v1',
      'product.received-at-site.v1',
      'product.thawed.v1',
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

    // The donor code finds the journey and its batch record (PRD-01) in Temporal UI.
    const journey = await api.as<{ view: { batchNumber: string } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    const listed = await pollUntil('the journey in Temporal visibility', async () => {
      const found = [];
      for await (const wf of temporal().workflow.list({
        query: `DonorCode = "${order.donorCode}"`,
      }))
        found.push(wf);
      return found.length > 1 ? found : undefined;
    });
    expect(listed.map((w) => w.workflowId).sort()).toEqual(
      [order.journeyId, batchRecordWorkflowId(journey.body.view.batchNumber)].sort(),
    );
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
