import { randomUUID } from 'node:crypto';
import type { OosInvestigationView, QcResultsView } from '@v2v/contracts';
import {
  demoUserPassword,
  happyPathSteps,
  qcResultsWithinSpecification,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder } from './support/journeys';

interface Refusal {
  code: string;
  message: string;
}

const signature = { password: demoUserPassword() };
const UNKNOWN = 'A99991500000100M';
const investigationsUrl = (donorCode: string) => `/api/journeys/${donorCode}/oos-investigations`;
const phaseUrl = (donorCode: string, investigationId: string, phase: string) =>
  `${investigationsUrl(donorCode)}/${investigationId}/${phase}`;

const post = <T>(user: string, url: string, body: unknown) =>
  api.as<T & Refusal>(user, 'POST', url, { body, idempotencyKey: randomUUID() });
const qcResults = (user: string, donorCode: string) =>
  api.as<QcResultsView & Refusal>(user, 'GET', `/api/journeys/${donorCode}/qc-results`);

/** A journey run to `qc`: production completed by its batch record. */
async function journeyToQc() {
  const order = await newOrder();
  for (const scripted of stepsBefore(happyPathSteps(order), 'recordQcResult'))
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  return order;
}

describe('QC results judged by the system and an OOS investigated through the gateway (QA-02.1)', () => {
  it('QA-02.1 takes an OOS viability through phase I, a retest and QA’s signed invalidation', async () => {
    const { donorCode } = await journeyToQc();
    const testedAt = new Date(Date.now() - 60_000);
    const results = qcResultsWithinSpecification(testedAt).map((r) =>
      r.testCode === 'viability' ? { ...r, value: 55 } : r,
    );
    expect((await api.step('qc', donorCode, 'recordQcResult', { results })).status).toBe(200);

    const opened = await api.as<OosInvestigationView[]>('qc', 'GET', investigationsUrl(donorCode));
    expect(opened).toMatchObject({
      status: 200,
      body: [{ testCode: 'viability', status: 'laboratory', events: [] }],
    });
    const { investigationId } = opened.body[0];
    const conclusion = { assignableCause: true, findings: 'cell counter mis-calibrated' };
    const lab = phaseUrl(donorCode, investigationId, 'laboratory-conclusion');
    expect((await post('operator', lab, conclusion)).status).toBe(403);
    expect(
      await post('qa-qp', phaseUrl(donorCode, investigationId, 'process-conclusion'), {
        findings: 'too early',
      }),
    ).toMatchObject({
      status: 409,
      body: { code: 'QA-02', message: expect.stringContaining('expected next') },
    });
    expect(await post<OosInvestigationView>('qc', lab, conclusion)).toMatchObject({
      status: 201,
      body: { investigationId, status: 'retest-ordered' },
    });

    // The retest, in release review: the step is taken again (QA-02.1).
    const viability = qcResultsWithinSpecification(testedAt).find(
      (r) => r.testCode === 'viability',
    )!;
    const retest = { results: [{ ...viability, value: 90, retestUnder: investigationId }] };
    expect((await api.step('qc', donorCode, 'recordQcResult', retest)).status).toBe(200);

    const outcomeUrl = phaseUrl(donorCode, investigationId, 'outcome');
    const outcome = { outcome: 'invalidated', rationale: 'laboratory error; the retest stands' };
    expect(
      await post('qa-qp', outcomeUrl, { ...outcome, signature: { password: 'wrong' } }),
    ).toMatchObject({ status: 403, body: { code: 'CSV-02' } });
    expect(await post('qc', outcomeUrl, { ...outcome, signature })).toMatchObject({
      status: 403,
      body: { code: 'PER-03' },
    });
    expect(
      await post<OosInvestigationView>('qa-qp', outcomeUrl, { ...outcome, signature }),
    ).toMatchObject({
      status: 201,
      body: {
        status: 'invalidated',
        events: [{ phase: 'laboratory-conclusion' }, { phase: 'outcome' }],
      },
    });

    const view = await qcResults('qa-qp', donorCode);
    expect(view.status).toBe(200);
    expect(view.body.specification).toMatchObject({ productCode: 'CART-CD19' });
    const retestResult = view.body.results.find((r) => r.retestUnder === investigationId);
    expect(retestResult).toMatchObject({ value: 90, verdict: 'within-specification' });
    const byTest = Object.fromEntries(view.body.standing.map((t) => [t.testCode, t]));
    expect(byTest.viability).toMatchObject({
      status: 'within-specification',
      effectiveResultId: retestResult!.resultId,
      openInvestigations: [],
    });
    expect(byTest.sterility).toMatchObject({ gating: 'may-follow-release', status: 'pending' });
    const gating = view.body.standing.filter((t) => t.gating === 'before-release');
    expect(gating.every((t) => t.status === 'within-specification')).toBe(true);
    expect((await qcResults('hospital', donorCode)).status).toBe(200);
    expect((await qcResults('operator', donorCode)).status).toBe(403);
  });

  it("CSV-03 answers another institution's user as for an unknown code", async () => {
    const { donorCode } = await newOrder();
    // The answer with its donor code masked: the same sentence names each code.
    const masked = async (code: string) => {
      const res = await qcResults('hospital-inst-002', code);
      return JSON.parse(JSON.stringify(res).replaceAll(code, '<code>')) as unknown;
    };
    const foreign = await masked(donorCode);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(foreign).toEqual(await masked(UNKNOWN));
    expect(await qcResults('qc', UNKNOWN)).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect(
      await post('qc', phaseUrl(UNKNOWN, randomUUID(), 'laboratory-conclusion'), {
        assignableCause: false,
        findings: 'none',
      }),
    ).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(
      await post('qc', phaseUrl(donorCode, randomUUID(), 'laboratory-conclusion'), {
        assignableCause: false,
        findings: 'none',
      }),
    ).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
