import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EventEnvelope, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { migrateServiceSchema, migrationDatabaseUrl } from '@v2v/database';
import {
  bootstrapService,
  internalCallHeaders,
  internalServiceToken,
  SERVICE_PORTS,
} from '@v2v/service-kit';
import { LedgerRepository } from './ledger/ledger.repository';
import { recordCustodyEvent } from './ledger/record-custody-event';
import { traceabilityDataSourceOptions } from './traceability.data-source';

// The app exactly as main.ts boots it (module, filter, routes) on the real PostgreSQL, on an
// ephemeral port and without its Kafka consumer: the consumer path is covered in
// ledger.integration-spec.ts with a topic of its own, and a test joining the real
// `traceability-ledger` group would take partitions from a running platform.
const run = randomUUID().slice(0, 8);
const saved = {
  PORT: process.env.PORT,
  V2V_BACKGROUND: process.env.V2V_BACKGROUND,
  LOG_LEVEL: process.env.LOG_LEVEL,
};
let app: INestApplication;
let base: string;

const newDonorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({
      facility: 'H0001',
      year: 2026,
      sequence: 1 + Math.floor(Math.random() * 999_998),
    }),
  );

function envelope(
  donorCode: string,
  messageType: string,
  detail: Record<string, unknown> = {},
): EventEnvelope {
  return {
    id: randomUUID(),
    aggregateType: 'journey',
    aggregateId: donorCode,
    messageType,
    occurredAt: new Date().toISOString(),
    payload: {
      donorCode,
      journeyId: `journey-${donorCode}`,
      actor: { userId: 'it', role: 'ops' },
      recordId: randomUUID(),
      summary: messageType,
      detail,
    },
    metadata: { producer: 'integration-test' },
  };
}

async function call<T = unknown>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  credential = true,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(credential ? internalCallHeaders(internalServiceToken()) : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  const migrator = new DataSource({
    ...traceabilityDataSourceOptions(),
    url: migrationDatabaseUrl(),
    logging: false,
  } as DataSourceOptions);
  await migrateServiceSchema(migrator);
  await migrator.destroy();
  Object.assign(process.env, { PORT: '0', V2V_BACKGROUND: 'off', LOG_LEVEL: 'silent' });
  // Imported only now: the logger module reads LOG_LEVEL when the module file is loaded.
  const { TraceabilityModule } = await import('./traceability.module');
  app = await bootstrapService(TraceabilityModule, { port: SERVICE_PORTS.traceability });
  base = (await app.getUrl()).replace('[::1]', 'localhost');
});

afterAll(async () => {
  await app?.close();
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('traceability internal HTTP API', () => {
  it('refuses an internal call without the service credential, and keeps health open', async () => {
    expect(await call('GET', '/internal/trace/donors/X', undefined, false)).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED' },
    });
    expect((await call('GET', '/health', undefined, false)).status).toBe(200);
  });

  it('answers /health from the database and its background processes', async () => {
    expect(await call('GET', '/health')).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { database: { status: 'up' } } },
    });
  });

  it('TRC-01 traces a donor code to its patient and back, and verifies its chain', async () => {
    const [donorCode, recollection] = [newDonorCode(), newDonorCode()];
    const patientReference = `PAT-HTTP-${run}`;
    const record = recordCustodyEvent(new LedgerRepository(app.get(DataSource)));
    await app.get(DataSource).transaction(async (manager) => {
      for (const code of [donorCode, recollection]) {
        await record(
          envelope(code, 'donor.registered.v1', {
            patientReference,
            institutionId: 'INST-001',
            productCode: 'CART-CD19',
          }),
          manager,
        );
      }
      await record(envelope(donorCode, 'donor-material.collected.v1'), manager);
    });

    const byDonor = await call<{ entries: Array<{ seq: number; messageType: string }> }>(
      'GET',
      `/internal/trace/donors/${donorCode}`,
    );
    expect(byDonor.status).toBe(200);
    expect(byDonor.body).toMatchObject({
      donorCode,
      patientReference,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
    });
    expect(byDonor.body.entries.map((e) => [e.seq, e.messageType])).toEqual([
      [1, 'donor.registered.v1'],
      [2, 'donor-material.collected.v1'],
    ]);

    const byPatient = await call<{ journeys: Array<{ donorCode: string }> }>(
      'GET',
      `/internal/trace/patients/${patientReference}`,
    );
    expect(byPatient.status).toBe(200);
    expect(byPatient.body.journeys.map((j) => j.donorCode)).toEqual([donorCode, recollection]);

    const verify = await call<{ ledgerHeadHash: string }>('POST', '/internal/ledger/verify', {
      donorCode,
    });
    expect(verify).toMatchObject({
      status: 200,
      body: { valid: true, chainsChecked: 1, entriesChecked: 2 },
    });
    expect(verify.body.ledgerHeadHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('maps refusals to HTTP: TRC-02 400, unknown 404, a bad verify body 400', async () => {
    const code = newDonorCode();
    const wrongCheck = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(await call('GET', `/internal/trace/donors/${wrongCheck}`)).toMatchObject({
      status: 400,
      body: { code: 'TRC-02' },
    });
    expect(await call('GET', `/internal/trace/donors/${code}`)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await call('GET', `/internal/trace/patients/PAT-NOBODY-${run}`)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await call('POST', '/internal/ledger/verify', { donorCode: code })).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(await call('POST', '/internal/ledger/verify', { chain: code })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
  });

  it('verifies the whole ledger when no donor code is given', async () => {
    // Other test files may be tampering with (and restoring) their own chains meanwhile, so
    // only the shape is asserted here; the outcome is asserted on in-memory rows and per chain.
    const verify = await call<{ chainsChecked: number }>('POST', '/internal/ledger/verify', {});
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({
      valid: expect.any(Boolean),
      chainsChecked: expect.any(Number),
      ledgerHeadHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(verify.body.chainsChecked).toBeGreaterThanOrEqual(1);
  });
});
