import { happyPathSteps, scriptedStep, stepsBefore } from '@v2v/testing';
import { api, newOrder } from './support/journeys';
import { labelFile } from './support/labels';

/** Well-formed, on nobody's register. */
const UNKNOWN = 'A99991500000100M';

interface Shipped {
  productCode: string;
  specificationVersion: number;
  contentSha256: string;
  instructions: { transferToBedside: { maxMinutesFromThawToInfusion: number } };
  acknowledgement: {
    acknowledgementId: string;
    acknowledgedBy: { userId: string; role: string };
  } | null;
}

const route = (donorCode: string) => `/api/journeys/${donorCode}/instructions-for-use`;
const masked = (body: unknown, donorCode: string) =>
  JSON.parse(JSON.stringify(body).replaceAll(donorCode, '<code>')) as unknown;
const acknowledge = (user: string, donorCode: string) =>
  api.as<Shipped & { code: string }>(user, 'POST', `${route(donorCode)}/acknowledgement`, {
    body: {},
  });

/** One journey of INST-001 received at the site, shared by the tests (infusion comes last). */
let order: Awaited<ReturnType<typeof newOrder>>;
let steps: ReturnType<typeof happyPathSteps>;

beforeAll(async () => {
  order = await newOrder();
  steps = happyPathSteps(order);
  for (const scripted of stepsBefore(steps, 'shipToSite'))
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  // Before the shipment nothing travelled: nothing to download or acknowledge.
  expect((await labelFile(api, 'hospital', `${route(order.donorCode)}.pdf`)).status).toBe(404);
  const early = await acknowledge('hospital', order.donorCode);
  expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'OTH-01' });
  for (const step of ['shipToSite', 'receiveAtSite', 'recordThaw'] as const)
    expect((await api.run(order.donorCode, scriptedStep(steps, step))).status).toBe(200);
});

describe('instructions for use travel with every shipment (OTH-01)', () => {
  it('OTH-01 ships the pinned version’s instructions, which the hospital downloads as PDF', async () => {
    const journey = await api.as<{ view: { productSpecificationVersion: number } }>(
      'ops',
      'GET',
      `/api/journeys/${order.donorCode}`,
    );
    const shipped = await api.as<Shipped>('hospital', 'GET', route(order.donorCode));
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      productCode: 'CART-CD19',
      specificationVersion: journey.body.view.productSpecificationVersion,
      contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      instructions: { transferToBedside: { maxMinutesFromThawToInfusion: 30 } },
      acknowledgement: null,
    });

    const pdf = await labelFile(api, 'hospital', `${route(order.donorCode)}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The page text is compressed; its embedded Chinese font alone is tens of kilobytes.
    expect(pdf.body.length).toBeGreaterThan(20_000);
    const raw = pdf.body.toString('latin1');
    const { specificationVersion, contentSha256 } = shipped.body;
    expect(raw).toContain(
      `(Instructions for use CART-CD19 v${specificationVersion} shipped with ${order.donorCode})`,
    );
    expect(raw).toContain(`(SHA-256 ${contentSha256})`);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
  });

  it("CSV-03 answers another institution's hospital exactly as an unknown code", async () => {
    const answers = async (donorCode: string) => [
      await api.as('hospital-inst-002', 'GET', route(donorCode)),
      await labelFile(api, 'hospital-inst-002', `${route(donorCode)}.pdf`).then((r) => ({
        status: r.status,
        body: r.json(),
      })),
      await acknowledge('hospital-inst-002', donorCode),
    ];
    const foreign = await answers(order.donorCode);
    const unknown = await answers(UNKNOWN);
    expect(foreign.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(foreign.map((a) => masked(a.body, order.donorCode))).toEqual(
      unknown.map((a) => masked(a.body, UNKNOWN)),
    );
  });

  it('OTH-01 refuses the infusion until the hospital acknowledged the instructions, once', async () => {
    const infusion = scriptedStep(steps, 'recordInfusion');
    const refused = await api.step<{ code: string; message: string }>(
      infusion.role,
      order.donorCode,
      infusion.step,
      infusion.payload,
    );
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'OTH-01', message: expect.stringContaining('acknowledge them') },
    });

    const first = await acknowledge('hospital', order.donorCode);
    expect(first.status).toBe(200);
    expect(first.body.acknowledgement).toMatchObject({
      acknowledgedBy: { userId: 'hospital', role: 'hospital' },
    });
    const again = await acknowledge('hospital', order.donorCode);
    expect(again.body.acknowledgement).toEqual(first.body.acknowledgement);

    const infused = await api.run<{ stage: string }>(order.donorCode, infusion);
    expect(infused).toMatchObject({ status: 200, body: { stage: 'follow-up' } });
  });
});
