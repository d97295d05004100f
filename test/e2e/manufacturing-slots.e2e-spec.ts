import { randomUUID } from 'node:crypto';
import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { api, fields, type Refusal, today } from './support/accounts';

interface LineCapacity {
  lineCode: string;
  areaCode: string;
  days: Array<{ day: string; capacity: number; taken: number; free: number }>;
}
interface Capacity {
  productCode: string;
  maxConcurrentLinesInArea: number | null;
  lines: LineCapacity[];
}

/** A valid donor code nobody registered: facility Z9999 issues none. */
const UNKNOWN = formatDonorCode(
  generateDonorUniqueCode({ facility: 'Z9999', year: 0, sequence: 515_151 }),
);

async function newOrder(institutionId: string): Promise<string> {
  const res = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference: `PAT-${randomUUID().slice(0, 8)}`,
      institutionId,
      productCode: 'CART-CD19',
      requestedCollectionDate: today(14),
    },
  });
  expect(res.status).toBe(201);
  return res.body.donorCode;
}

const slotsOf = (user: string, donorCode: string) =>
  api.as<unknown>(user, 'GET', `/api/journeys/${donorCode}/manufacturing-slots`);
const capacity = (user: string, query: string) =>
  api.as<Capacity & Refusal>(user, 'GET', `/api/manufacturing-capacity?${query}`);
/** A refusal's body with the asked code replaced, so answers for two codes can be compared. */
const masked = (body: unknown, donorCode: string) =>
  JSON.parse(JSON.stringify(body).replaceAll(donorCode, '<code>')) as unknown;

describe("a journey's manufacturing slots (issue 11)", () => {
  it('answers the readers, the hospital only for its own journeys', async () => {
    const donorCode = await newOrder('INST-001');
    // An order takes no slot: the collection's scheduling does.
    for (const user of [
      'scheduler',
      'hospital',
      'operator',
      'production-manager',
      'qa-qp',
      'ops',
    ]) {
      const res = await slotsOf(user, donorCode);
      expect({ user, status: res.status, body: res.body }).toEqual({ user, status: 200, body: [] });
    }
    for (const user of ['qc', 'admin']) expect((await slotsOf(user, donorCode)).status).toBe(403);
  });

  it("CSV-03 answers another institution's journey exactly as an unknown code", async () => {
    const donorCode = await newOrder('INST-001');
    const foreign = await slotsOf('hospital-inst-002', donorCode);
    const unknown = await slotsOf('hospital-inst-002', UNKNOWN);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(masked(foreign.body, donorCode)).toEqual(masked(unknown.body, UNKNOWN));
    expect((await slotsOf('scheduler', UNKNOWN)).status).toBe(404);
  });
});

describe('the manufacturing capacity calendar (issue 11, PRD-04)', () => {
  const from = today(3);

  it("shows the demo product's lines day by day, with what held and booked slots take", async () => {
    const res = await capacity('scheduler', `from=${from}&days=3&productCode=CART-CD19`);
    expect(res.status).toBe(200);
    expect(res.body.productCode).toBe('CART-CD19');
    const l1 = res.body.lines.find((l) => l.lineCode === 'L1');
    expect(l1?.areaCode).toBe('CP-1');
    expect(l1?.days.map((d) => d.day)).toEqual([from, today(4), today(5)]);
    for (const day of l1?.days ?? []) {
      expect(day.capacity).toBe(400);
      expect(day.free).toBeLessThanOrEqual(day.capacity - day.taken);
    }
    // The vector area holds no cell product.
    expect(res.body.lines.map((l) => l.areaCode)).not.toContain('VEC-1');
    for (const user of ['production-manager', 'ops'])
      expect((await capacity(user, `from=${from}&productCode=CART-CD19`)).status).toBe(200);
  });

  it('refuses the other roles', async () => {
    for (const user of ['hospital', 'operator', 'qc', 'qa-qp', 'admin'])
      expect((await capacity(user, `from=${from}&productCode=CART-CD19`)).status).toBe(403);
  });

  it('refuses a bad query with 400 naming the field, and an unknown product with 404', async () => {
    const tooLong = await capacity('scheduler', `from=${from}&days=63&productCode=CART-CD19`);
    expect(tooLong.status).toBe(400);
    expect(fields(tooLong.body)).toEqual(['days']);
    const notADay = await capacity('scheduler', `from=soon&productCode=CART-CD19`);
    expect(notADay.status).toBe(400);
    expect(fields(notADay.body)).toEqual(['from']);
    const noProduct = await capacity('scheduler', `from=${from}`);
    expect(noProduct.status).toBe(400);
    expect(fields(noProduct.body)).toEqual(['productCode']);
    expect((await capacity('scheduler', `from=${from}&productCode=NO-SUCH-PRODUCT`)).status).toBe(
      404,
    );
  });
});
