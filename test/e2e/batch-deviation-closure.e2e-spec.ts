import type { BatchDeviationStanding, BatchRecordReview } from '@v2v/contracts';
import {
  demoUserPassword,
  happyPathSteps,
  prepareRelease,
  runBatchRecord,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder } from './support/journeys';

interface Refusal {
  code: string;
  message: string;
}

const signature = { password: demoUserPassword() };
const UNKNOWN = 'A99991500000100M';
const CLOSURE = {
  investigation: 'MOI recalculated from the vector lot certificate and the cell count',
  rootCause: 'vector volume calculated from the nominal titre',
  correctiveAction: 'volume calculated from the titre measured at receipt',
};
const deviationsUrl = (donorCode: string) => `/api/journeys/${donorCode}/batch-record/deviations`;

const deviations = (user: string, donorCode: string) =>
  api.as<BatchDeviationStanding[] & Refusal>(user, 'GET', deviationsUrl(donorCode));
const closeAs = (user: string, donorCode: string, deviationId: string, body: unknown) =>
  api.as<BatchDeviationStanding & Refusal>(
    user,
    'POST',
    `${deviationsUrl(donorCode)}/${deviationId}/closure`,
    { body },
  );

/**
 * A journey run to `qc` whose activation recorded an MOI above its range: the batch record's
 * PRD-01 deviation, which QA closes.
 */
async function journeyWithDeviation() {
  const order = await newOrder();
  const steps = happyPathSteps({ ...order, batchRecord: false });
  for (const scripted of stepsBefore(steps, 'recordQcResult'))
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  await runBatchRecord(api, order.donorCode, undefined, (step, completion) =>
    step.stepId === 'ACTIVATION-TRANSDUCTION'
      ? { ...completion, parameters: [{ parameterId: 'MOI', value: 12 }] }
      : completion,
  );
  return order;
}

describe("QA's signed closure of the batch record's deviations through the gateway (QA-02.3)", () => {
  it('QA-02.3 lets QA close a deviation, signed, refusing the operator and a wrong password', async () => {
    const { donorCode } = await journeyWithDeviation();
    const listed = await deviations('production-manager', donorCode);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        stepId: 'ACTIVATION-TRANSDUCTION',
        rule: 'PRD-01',
        status: 'open',
        closure: null,
      }),
    ]);
    const { deviationId } = listed.body[0];
    // QA's review lists the deviation; the closure afterwards does not void it.
    await prepareRelease(api, donorCode);

    expect(
      await closeAs('operator', donorCode, deviationId, { ...CLOSURE, signature }),
    ).toMatchObject({ status: 403, body: { code: 'PER-03' } });
    expect(
      await closeAs('qa-qp', donorCode, deviationId, {
        ...CLOSURE,
        signature: { password: 'not-the-password' },
      }),
    ).toMatchObject({ status: 403, body: { code: 'CSV-02' } });
    expect(await closeAs('qa-qp', donorCode, deviationId, CLOSURE)).toMatchObject({
      status: 400,
    });
    expect((await deviations('qa-qp', donorCode)).body[0]).toMatchObject({ status: 'open' });

    const closed = await closeAs('qa-qp', donorCode, deviationId, { ...CLOSURE, signature });
    expect(closed).toMatchObject({
      status: 200,
      body: {
        deviationId,
        status: 'closed',
        closure: { ...CLOSURE, closedBy: { userId: 'qa-qp', role: 'qa-qp' } },
      },
    });
    for (const reader of ['operator', 'qc', 'qa-qp', 'ops'])
      expect({ reader, body: (await deviations(reader, donorCode)).body }).toEqual({
        reader,
        body: [expect.objectContaining({ deviationId, status: 'closed' })],
      });
    expect(await closeAs('qa-qp', donorCode, deviationId, { ...CLOSURE, signature })).toMatchObject(
      { status: 409, body: { code: 'DEVIATION_ALREADY_CLOSED' } },
    );
    const review = await api.as<BatchRecordReview>(
      'qa-qp',
      'GET',
      `/api/journeys/${donorCode}/batch-record/review`,
    );
    expect(review).toMatchObject({ status: 200, body: { valid: true, voidReason: null } });
  });

  it("CSV-03 answers another institution's user as for an unknown code, and 404 for a deviation of no batch record", async () => {
    const { donorCode } = await newOrder();
    const deviationId = '00000000-0000-4000-8000-000000000001';
    // The closure is not a hospital's: its role is refused before the code is looked at.
    const foreign = await deviations('hospital-inst-002', donorCode);
    expect(foreign.status).toBe(403);
    expect(foreign).toEqual(await deviations('hospital-inst-002', UNKNOWN));
    const foreignClose = await closeAs('hospital-inst-002', donorCode, deviationId, {
      ...CLOSURE,
      signature,
    });
    expect(foreignClose).toEqual(
      await closeAs('hospital-inst-002', UNKNOWN, deviationId, { ...CLOSURE, signature }),
    );
    for (const code of [UNKNOWN, donorCode]) {
      expect(await deviations('qa-qp', code)).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND' },
      });
      expect(await closeAs('qa-qp', code, deviationId, { ...CLOSURE, signature })).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND' },
      });
    }
  });
});
