import type {
  DonorMaterialTestResultsRequest,
  DonorMaterialTestsView,
  MaterialImpactConclusion,
} from '@v2v/contracts';
import { demoUserPassword } from './demo-credentials';
import type { GatewayClient, HttpResult } from './gateway-client';

/** Which of CART-CD19 v1's donor material tests QC reports: all, or all but the sterility. */
export type DonorMaterialTestsScript = 'all' | 'sterility-pending';

/**
 * Results within specification of CART-CD19 v1's donor material tests (QA-02.5): cell count and
 * viability, needed before QA's material release, and the 7-day sterility unless it is still
 * running. Tested a minute ago: a result is never reported ahead of time.
 */
export function donorMaterialResultsWithinSpecification(
  which: DonorMaterialTestsScript | 'sterility',
  now = new Date(),
): DonorMaterialTestResultsRequest['results'] {
  const testedAt = new Date(now.getTime() - 60_000).toISOString();
  const sterility = {
    testCode: 'sterility',
    value: 'no growth',
    method: 'automated blood culture',
    testedAt,
  };
  if (which === 'sterility') return [sterility];
  const before = [
    { testCode: 'cell-count', value: 4.2, unit: 'x10^9', method: 'haematology analyser', testedAt },
    { testCode: 'viability', value: 96, unit: '%', method: '7-AAD flow cytometry', testedAt },
  ];
  return which === 'all' ? [...before, sterility] : before;
}

function expectStatus<T>(what: string, res: HttpResult<T>, status: number): T {
  if (res.status !== status)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)} (expected ${status})`);
  return res.body;
}

const route = (donorCode: string) => `/api/journeys/${encodeURIComponent(donorCode)}`;

/** QC records the donor material's results after its receipt (QA-02.5, DON-06). */
export async function recordDonorMaterialTests(
  api: GatewayClient,
  donorCode: string,
  which: DonorMaterialTestsScript | 'sterility',
): Promise<void> {
  expectStatus(
    `QC's donor material test results (${which}) of ${donorCode}`,
    await api.as('qc', 'POST', `${route(donorCode)}/donor-material-tests`, {
      body: { results: donorMaterialResultsWithinSpecification(which) },
    }),
    201,
  );
}

/** QA's signed impact assessment of donor material used before its tests completed. */
export async function assessDonorMaterialImpact(
  api: GatewayClient,
  donorCode: string,
  options: { testCodes: string[]; conclusion?: MaterialImpactConclusion; signerPassword?: string },
): Promise<{ assessmentId: string }> {
  return expectStatus(
    `QA's donor material impact assessment of ${donorCode}`,
    await api.as<{ assessmentId: string }>(
      'qa-qp',
      'POST',
      `${route(donorCode)}/donor-material-impact-assessment`,
      {
        body: {
          testCodes: options.testCodes,
          rationale:
            'apheresis material sterility: no growth after 7 days; final product sterility and endotoxin tested; no impact on the product',
          conclusion: options.conclusion ?? 'no-impact',
          signature: { password: options.signerPassword ?? demoUserPassword() },
        },
      },
    ),
    201,
  );
}

/**
 * What QC and QA do before the batch release when the donor material went into production
 * before its tests completed (§10(2), QA-02.5): QC records each result still missing, then QA
 * signs the impact assessment covering them. Nothing when no test was pending at its release.
 */
export async function settleDonorMaterialImpact(
  api: GatewayClient,
  donorCode: string,
  options: { signerPassword?: string } = {},
): Promise<{ pending: string[]; assessmentId: string } | undefined> {
  const view = expectStatus(
    `the donor material tests of ${donorCode}`,
    await api.as<DonorMaterialTestsView>(
      'qa-qp',
      'GET',
      `${route(donorCode)}/donor-material-tests`,
    ),
    200,
  );
  const pending = view.pendingAtMaterialRelease ?? [];
  if (!pending.length) return undefined;
  const missing = view.tests.filter((t) => pending.includes(t.testCode) && !t.result);
  if (missing.some((t) => t.testCode === 'sterility'))
    await recordDonorMaterialTests(api, donorCode, 'sterility');
  const { assessmentId } = await assessDonorMaterialImpact(api, donorCode, {
    testCodes: pending,
    signerPassword: options.signerPassword,
  });
  return { pending, assessmentId };
}
