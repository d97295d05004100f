import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLES } from '@v2v/contracts';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { documentedEndpoints, GatewayClient } from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);

describe('role × endpoint matrix', () => {
  const endpoints = documentedEndpoints(
    readFileSync(path.resolve(__dirname, '../../docs/roles.md'), 'utf8'),
  );

  it('covers every endpoint of the API document', async () => {
    const openapi = await api.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/api/docs-json',
    );
    const served = Object.entries(openapi.body.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    const documented = endpoints.map((e) => `${e.method} ${e.template}`);
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('CSV-03 allows exactly the documented roles on every endpoint and refuses the others with 403', async () => {
    const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
      body: {
        patientReference: `PAT-${randomUUID().slice(0, 8)}`,
        institutionId: 'INST-001',
        productCode: 'CART-CD19',
        requestedCollectionDate: '2026-12-01',
      },
    });
    const params: Record<string, string> = {
      donorCode: order.body.donorCode,
      patientReference: 'PAT-matrix',
      recordType: 'batch',
      recordId: 'B-none',
      productCode: 'CART-CD19',
      version: '1',
      deviationId: 'no-such-deviation',
      institutionId: 'INST-001',
      carries: 'donor-material',
      shipperId: 'SHIPPER-EXPIRED-01',
      // No such account or record: an allowed admin is stopped by validation or 404, never writes.
      username: 'matrix-nobody',
      trainingRecordId: '0',
      stepId: 'T-CELL-SELECTION',
      labelId: 'no-such-label',
      recallId: 'no-such-recall',
    };
    const outcomes: string[] = [];
    for (const endpoint of endpoints) {
      if (endpoint.roles.includes('public')) continue;
      const url = endpoint.template.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
      for (const role of ROLES) {
        // An empty body: an allowed role gets past the role check and is stopped by validation,
        // the stage or retention, so the matrix writes nothing.
        const res = await api.as(
          role,
          endpoint.method,
          url,
          endpoint.method === 'GET' ? {} : { body: {} },
        );
        const allowed = endpoint.roles.includes(role);
        if (allowed !== (res.status !== 403) || res.status === 401) {
          outcomes.push(
            `${endpoint.method} ${endpoint.template} as ${role}: ${res.status} (documented ${allowed ? 'allowed' : 'refused'})`,
          );
        }
      }
    }
    expect(outcomes).toEqual([]);
  });
});
