import { randomUUID } from 'node:crypto';
import type { DonorMaterialTestsView, ReleaseGateStanding } from '@v2v/contracts';
import {
  assessDonorMaterialImpact,
  demoUserPassword,
  donorMaterialResultsWithinSpecification,
  happyPathSteps,
  pollUntil,
  prepareRelease,
  scriptedStep,
  stepsBefore,
} from '@v2v/testing';
import { api, newOrder } from './support/journeys';
import { forgetKeptAnswer } from './support/lost-answers';

interface Refusal {
  code: string;
  message: string;
}

const UNKNOWN = 'A99991500000100M';
const testsOf = (user: string, donorCode: string) =>
  api.as<DonorMaterialTestsView & Refusal>(
    user,
    'GET',
    `/api/journeys/${donorCode}/donor-material-tests`,
  );
const materialTestsGate = async (donorCode: string) => {
  const res = await api.as<ReleaseGateStanding>(
    'qa-qp',
    'GET',
    `/api/journeys/${donorCode}/release-gates`,
  );
  return res.status === 200 ? res.body.gates.find((g) => g.item === 'QA-02.5') : undefined;
};

/** Material released with its sterility running, produced, QC results in: release review. */
async function releasedBeforeSterility() {
  const order = await newOrder();
  const steps = happyPathSteps({ ...order, sterilityPendingAtMaterialRelease: true });
  for (const scripted of [
    ...stepsBefore(steps, 'recordQcResult'),
    scriptedStep(steps, 'recordQcResult'),
  ])
    expect({
      step: scripted.step,
      status: (await api.run(order.donorCode, scripted)).status,
    }).toEqual({ step: scripted.step, status: 200 });
  return order;
}

describe('donor material used before its tests completed (DON-06, QA-02.5)', () => {
  it('QA-02.5 refuses the release while the impact assessment is missing, refuses an unsigned or forged one, and releases after the signed assessment', async () => {
    const { donorCode } = await releasedBeforeSterility();
    const view = (await testsOf('qc', donorCode)).body;
    expect(view.pendingAtMaterialRelease).toEqual(['sterility']);
    expect(view.tests.map((t) => `${t.testCode} ${t.status}`)).toEqual([
      'cell-count within-specification',
      'viability within-specification',
      'sterility pending',
    ]);
    await prepareRelease(api, donorCode, { assessDonorMaterial: false });
    const open = await pollUntil('QA-02.5 open after the release preparation', async () => {
      const gate = await materialTestsGate(donorCode);
      return gate?.status === 'open' ? gate : undefined;
    });
    expect(open.detail).toContain('still no result for sterility');
    const refused = await api.step<Refusal>('qa-qp', donorCode, 'releaseBatch', {
      comment: 'released',
      signature: { password: demoUserPassword() },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'QA-02' } });
    expect(refused.body.message).toContain('QA-02.5');

    // CSV-01: the sterility result's answer lost (the gateway's record of the key forgotten, as
    // when it is killed before writing it), the repeat gets the first answer, recorded once.
    const resultsPath = `/api/journeys/${donorCode}/donor-material-tests`;
    const key = randomUUID();
    const sterility = { results: donorMaterialResultsWithinSpecification('sterility') };
    const recorded = await api.as('qc', 'POST', resultsPath, {
      body: sterility,
      idempotencyKey: key,
    });
    expect(recorded.status).toBe(201);
    expect(await forgetKeptAnswer('qc', donorCode, key)).toBe(1);
    const repeat = await api.as('qc', 'POST', resultsPath, {
      body: sterility,
      idempotencyKey: key,
    });
    expect({ status: repeat.status, body: repeat.body }).toEqual({
      status: 201,
      body: recorded.body,
    });
    const sterilityResults = (await testsOf('qc', donorCode)).body.results.filter(
      (r) => r.testCode === 'sterility',
    );
    expect(sterilityResults).toHaveLength(1);
    const path = `/api/journeys/${donorCode}/donor-material-impact-assessment`;
    const body = { testCodes: ['sterility'], rationale: 'no growth', conclusion: 'no-impact' };
    const unsigned = await api.as<Refusal>('qa-qp', 'POST', path, { body });
    expect(unsigned).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const forged = await api.as<Refusal>('qa-qp', 'POST', path, {
      body: { ...body, signature: { password: 'not-the-password-of-qa-qp' } },
    });
    expect(forged).toMatchObject({ status: 403, body: { code: 'CSV-02' } });
    const byQc = await api.as<Refusal>('qc', 'POST', path, {
      body: { ...body, signature: { password: demoUserPassword() } },
    });
    expect(byQc.status).toBe(403);
    expect((await testsOf('qa-qp', donorCode)).body.assessments).toEqual([]);

    await assessDonorMaterialImpact(api, donorCode, { testCodes: ['sterility'] });
    const settled = await pollUntil('the release gates settled', async () => {
      const res = await api.as<ReleaseGateStanding>(
        'qa-qp',
        'GET',
        `/api/journeys/${donorCode}/release-gates`,
      );
      return res.status === 200 && res.body.releasable ? res.body : undefined;
    });
    expect(settled.gates.find((g) => g.item === 'QA-02.5')?.status).toBe('settled');
    const released = await api.step<{ stage: string }>('qa-qp', donorCode, 'releaseBatch', {
      comment: 'donor material impact assessed; released',
      signature: { password: demoUserPassword() },
    });
    expect(released).toMatchObject({ status: 200, body: { stage: 'released' } });
  });

  it('CSV-03 refuses the factory tests to every hospital user alike, whatever the code', async () => {
    const order = await newOrder();
    // The role is refused before tenancy: another institution's code answers as an unknown one.
    const other = await testsOf('hospital-inst-002', order.donorCode);
    expect(other.status).toBe(403);
    expect(other).toEqual(await testsOf('hospital-inst-002', UNKNOWN));
    expect(await testsOf('hospital', order.donorCode)).toEqual(other);
    const empty = await testsOf('ops', order.donorCode);
    expect(empty).toMatchObject({ status: 200, body: { pendingAtMaterialRelease: null } });
    const early = await api.as<Refusal>(
      'qc',
      'POST',
      `/api/journeys/${order.donorCode}/donor-material-tests`,
      {
        body: {
          results: [
            {
              testCode: 'sterility',
              value: 'no growth',
              method: 'blood culture',
              testedAt: new Date().toISOString(),
            },
          ],
        },
      },
    );
    expect(early).toMatchObject({ status: 409, body: { code: 'QA-02' } });
    expect(early.body.message).toContain("results are recorded after the material's receipt");
  });
});
