import { randomInt, randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { CART_CD19_V1, formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { databaseUrl } from '@v2v/database';
import { SERVICE_PORTS } from '@v2v/service-kit';
import { DEMO_PROCESS_CART_CD19, demoUserPassword, GatewayClient } from '@v2v/testing';

const api = new GatewayClient(`http://127.0.0.1:${SERVICE_PORTS.gateway}`);
const signature = { password: demoUserPassword() };

interface Refusal {
  code: string;
  message: string;
}
interface Booking {
  bookingId: string;
  productCode: string;
  validationStanding: string;
  status: string;
}

async function bookingsOf(productCodes: string[]): Promise<number> {
  const db = new PgClient({ connectionString: databaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM production.room_booking WHERE product_code = ANY($1)`,
      [productCodes],
    );
    return rows[0].n;
  } finally {
    await db.end();
  }
}

const donorCode = () =>
  formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );

/** A new product with its specification v1 published by QA, signed. */
async function newProduct(): Promise<string> {
  const productCode = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const res = await api.as('qa-qp', 'POST', `/api/product-specifications/${productCode}/versions`, {
    body: { content: CART_CD19_V1, signature },
  });
  expect(res.status).toBe(201);
  return productCode;
}

async function publishProcess(productCode: string, content: object) {
  return api.as<{ processVersion: number } & Refusal>(
    'production-manager',
    'POST',
    `/api/processes/${productCode}`,
    { body: { specificationVersion: 1, content }, idempotencyKey: randomUUID() },
  );
}

async function validate(productCode: string) {
  return api.as<{ status: string } & Refusal>(
    'qa-qp',
    'POST',
    `/api/processes/${productCode}/1/validations`,
    {
      body: {
        status: 'validated',
        worstCase: { maxConcurrentLinesInArea: 2, maxConcurrentIsolatorsInRoom: 2, operators: 4 },
        reportReference: 'PV-E2E-1',
        signature,
      },
      idempotencyKey: randomUUID(),
    },
  );
}

async function validatedProduct(): Promise<string> {
  const productCode = await newProduct();
  expect((await publishProcess(productCode, DEMO_PROCESS_CART_CD19)).status).toBe(201);
  expect((await validate(productCode)).status).toBe(201);
  return productCode;
}

// A random day decades ahead: reruns on the same database never share a window.
const day = Date.UTC(2060, 0, 1) + randomInt(0, 10_000) * 86_400_000;
const hour = (h: number) => new Date(day + h * 3_600_000).toISOString();

const book = (booking: Record<string, unknown>) =>
  api.as<Booking & Refusal>('production-manager', 'POST', '/api/production-calendar/bookings', {
    body: { processVersion: 1, positiveMaterial: false, lineCode: 'L1', ...booking },
    idempotencyKey: randomUUID(),
  });

describe('process definitions, validation and the production calendar through the gateway (PRD-01, PRD-03, PRD-04, FAC-01, FAC-02)', () => {
  let first: string;
  let second: string;
  beforeAll(async () => {
    [first, second] = [await newProduct(), await validatedProduct()];
  });

  it('PRD-01 PRD-03 publishes a definition only with its cell-count parameter; QA signs its validation', async () => {
    const { cellCountParameter: _dropped, ...withoutCellCount } = DEMO_PROCESS_CART_CD19;
    void _dropped;
    const refused = await publishProcess(first, withoutCellCount);
    expect(refused).toMatchObject({
      status: 400,
      body: { code: 'PRD-01', message: expect.stringContaining('total cell count') },
    });
    const published = await publishProcess(first, DEMO_PROCESS_CART_CD19);
    expect(published).toMatchObject({ status: 201, body: { processVersion: 1 } });

    const signed = await validate(first);
    expect(signed).toMatchObject({ status: 201, body: { status: 'validated' } });
    const versions = await api.as<Array<{ validation: { status: string; decidedBy: string } }>>(
      'scheduler',
      'GET',
      `/api/processes/${first}`,
    );
    expect(versions.body).toEqual([
      expect.objectContaining({
        validation: expect.objectContaining({ status: 'validated', decidedBy: 'qa-qp' }),
      }),
    ]);
  });

  it('PRD-04 FAC-02 FAC-01 books a step, then refuses conflicting ones and writes none of them', async () => {
    const activation = {
      stepId: 'ACTIVATION-TRANSDUCTION',
      roomCode: 'CP1-R01',
      equipmentCode: 'BSC-101',
      startsAt: hour(8),
      endsAt: hour(14),
    };
    const ok = await book({ ...activation, donorCode: donorCode(), productCode: first });
    expect(ok).toMatchObject({
      status: 201,
      body: { productCode: first, status: 'booked', validationStanding: 'validated' },
    });

    const otherProduct = await book({ ...activation, donorCode: donorCode(), productCode: second });
    expect(otherProduct).toMatchObject({
      status: 409,
      body: { code: 'PRD-04', message: expect.stringContaining('two products in area CP-1') },
    });

    const lowerGrade = await book({
      ...activation,
      roomCode: 'CP1-R04',
      donorCode: donorCode(),
      productCode: first,
      startsAt: hour(30),
      endsAt: hour(34),
    });
    expect(lowerGrade).toMatchObject({
      status: 409,
      body: { code: 'FAC-02', message: expect.stringContaining('room CP1-R04 is grade C') },
    });

    const overdueIsolator = await book({
      stepId: 'FILL',
      roomCode: 'CP1-R03',
      equipmentCode: 'ISO-302',
      donorCode: donorCode(),
      productCode: first,
      startsAt: hour(40),
      endsAt: hour(42),
    });
    expect(overdueIsolator).toMatchObject({
      status: 409,
      body: { code: 'FAC-01', message: expect.stringContaining('ISO-302') },
    });

    expect(await bookingsOf([first, second])).toBe(1);
    const calendar = await api.as<Booking[]>(
      'scheduler',
      'GET',
      `/api/production-calendar?areaCode=CP-1&from=${hour(0)}&to=${hour(48)}`,
    );
    expect(calendar.status).toBe(200);
    expect(calendar.body.filter((b) => [first, second].includes(b.productCode))).toEqual([
      expect.objectContaining({ bookingId: ok.body.bookingId }),
    ]);
  });
});
