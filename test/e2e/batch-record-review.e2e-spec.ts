import { randomUUID } from 'node:crypto';
import type { BatchRecordReview } from '@v2v/contracts';
import { demoUserPassword, happyPathSteps, stepsBefore } from '@v2v/testing';
import { api, newOrder } from './support/journeys';

interface Refusal {
  code: string;
  message: string;
}

const signature = { password: demoUserPassword() };
const COMMENT = 'e2e: steps, labels, consumables and containers checked';
const UNKNOWN = 'A99991500000100M';
const reviewUrl = (donorCode: string) => `/api/journeys/${donorCode}/batch-record/review`;

const review = (user: string, donorCode: string, body: unknown) =>
  api.as<BatchRecordReview & Refusal>(user, 'POST', reviewUrl(donorCode), {
    body,
    idempotencyKey: randomUUID(),
  });
const latest = (user: string, donorCode: string) =>
  api.as<BatchRecordReview & Refusal>(user, 'GET', reviewUrl(donorCode));

/** A journey run to `qc`; with `batchRecord: false` it stops in production, batch started. */
async function journeyTo(batchRecord: boolean) {
  const order = await newOrder();
  const steps = happyPathSteps(batchRecord ? order : { ...order, batchRecord: false });
  for (const scripted of stepsBefore(steps, 'recordQcResult'))
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  return order;
}

describe("QA's signed review of the batch record through the gateway (QA-02.2, CSV-02, PER-03)", () => {
  it('QA-02 lets QA sign a complete batch record reviewed, valid for every reader', async () => {
    const { donorCode } = await journeyTo(true);
    expect(await latest('qa-qp', donorCode)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });

    expect(await review('operator', donorCode, { comment: COMMENT, signature })).toMatchObject({
      status: 403,
      body: { code: 'PER-03' },
    });
    expect(
      await review('qa-qp', donorCode, { comment: COMMENT, signature: { password: 'wrong' } }),
    ).toMatchObject({ status: 403, body: { code: 'CSV-02' } });
    expect(await latest('qa-qp', donorCode)).toMatchObject({ status: 404 });

    const signed = await review('qa-qp', donorCode, { comment: COMMENT, signature });
    expect(signed).toMatchObject({
      status: 200,
      body: {
        donorCode,
        comment: COMMENT,
        deviations: [],
        reviewedBy: { userId: 'qa-qp', role: 'qa-qp' },
        valid: true,
        voidReason: null,
      },
    });
    expect(signed.body.recordHash).toMatch(/^[0-9a-f]{64}$/);
    for (const reader of ['qa-qp', 'qc', 'ops', 'production-manager'])
      expect({ reader, ...(await latest(reader, donorCode)) }).toMatchObject({
        reader,
        status: 200,
        body: { reviewId: signed.body.reviewId, valid: true, voidReason: null },
      });
    for (const refused of ['operator', 'scheduler', 'hospital'])
      expect({ refused, status: (await latest(refused, donorCode)).status }).toEqual({
        refused,
        status: 403,
      });
  });

  it('QA-02 refuses to review a journey still in production, naming item QA-02.2', async () => {
    const { donorCode } = await journeyTo(false);
    const refused = await review('qa-qp', donorCode, { comment: COMMENT, signature });
    expect(refused).toMatchObject({
      status: 409,
      body: {
        code: 'QA-02',
        message: expect.stringMatching(/is not completed \(in-production\).*\(QA-02\.2\)$/),
      },
    });
    expect(await latest('qa-qp', donorCode)).toMatchObject({ status: 404 });
  });

  it("CSV-03 answers another institution's user as for an unknown code", async () => {
    const { donorCode } = await newOrder();
    // The review is not a hospital's: its role is refused before the code is looked at.
    const foreign = await latest('hospital-inst-002', donorCode);
    const unknown = await latest('hospital-inst-002', UNKNOWN);
    expect(foreign.status).toBe(403);
    expect(foreign).toEqual(unknown);
    for (const [user, code] of [
      ['qa-qp', UNKNOWN],
      ['qc', UNKNOWN],
    ])
      expect(await latest(user, code)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await review('qa-qp', UNKNOWN, { comment: COMMENT, signature })).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });
});
