import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  demoUserPassword,
  happyPathSteps,
  prepareRelease,
  qcResultsWithinSpecification,
  stepsBefore,
} from '@v2v/testing';
import { api, checkScreen, orderedJourney, runSteps, signIn } from './support';

/** A journey driven through the API up to the qualified person's release of donor material. */
async function receivedJourney(): Promise<string> {
  const order = await orderedJourney();
  await runSteps(order.donorCode, stepsBefore(happyPathSteps(order), 'releaseMaterial'));
  return order.donorCode;
}

test('the qualified person releases donor material through the signature dialog', async ({
  page,
}) => {
  const donorCode = await receivedJourney();
  await signIn(page, 'qa-qp', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('donor-code')).toHaveText(donorCode);

  await page.getByRole('button', { name: '放行供者材料' }).click();
  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText('放行');
  await expect(dialog).toContainText(donorCode);
  await checkScreen(page, 'signature-dialog');

  await dialog.getByLabel('请重新输入密码').fill('not-my-password');
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog.getByTestId('refusal-code')).toHaveText('CSV-02');
  await expect(dialog.getByTestId('refusal-message')).toContainText('(CSV-02)');
  await checkScreen(page, 'signature-refused');

  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByLabel('备注').fill('资格、标签、储存和运输记录已审核');
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('journey-stage')).toHaveText('供者材料已放行');

  await page.getByRole('button', { name: '验证账本' }).click();
  await expect(page.getByTestId('ledger-result')).toContainText('账本完整');
});

/** A journey driven through the API to release review: QC's results in, nothing else done. */
async function inReleaseReview(): Promise<string> {
  const order = await orderedJourney();
  await runSteps(order.donorCode, stepsBefore(happyPathSteps(order), 'releaseBatch'));
  return order.donorCode;
}

/**
 * The release child evaluates the gates after each change, asynchronously: the gates are read
 * again (the section's refresh) until `check` passes.
 */
async function untilGates(page: Page, check: (gates: Locator) => Promise<void>): Promise<void> {
  const gates = page.getByTestId('release-gates');
  await expect(async () => {
    await gates.getByRole('button', { name: '刷新放行条件' }).click();
    await check(gates);
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
}

/** A gate's status tag, by its item and the service that answers it (docs/quality.md). */
const gateStatus = (gates: Locator, item: string, answeredBy: string) =>
  gates.getByTestId(`gate-status-${item}-${answeredBy}`);

test('the qualified person sees the open release gates, and the release once they settle', async ({
  page,
}) => {
  const donorCode = await inReleaseReview();
  await signIn(page, 'qa-qp', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('放行审核');

  // The batch record is not reviewed (QA-02.2) and no retention sample is recorded (QA-01).
  await untilGates(page, async (gates) => {
    await expect(gateStatus(gates, 'QA-02.2', 'production')).toHaveText('未满足', {
      timeout: 2_000,
    });
    await expect(gateStatus(gates, 'QA-01', 'release')).toHaveText('未满足', { timeout: 2_000 });
  });
  const gates = page.getByTestId('release-gates');
  await expect(gates.getByTestId('releasable')).toContainText('尚不能放行');
  await expect(gates.getByTestId('releasable')).toContainText('QA-02.2');
  await expect(gates.getByTestId('gate-QA-02.2-production')).toContainText('生产');
  await expect(gates.getByTestId('results-to-follow')).toContainText('sterility');
  await expect(page.getByRole('button', { name: '放行批次' })).toHaveCount(0);
  await expect(page.getByTestId('qc-results')).toContainText('viability');
  await checkScreen(page, 'release-gates-open');

  // QA's review of the batch record and QC's retention samples, through the API.
  await prepareRelease(api, donorCode);
  await untilGates(page, async (g) => {
    await expect(g.getByTestId('releasable')).toContainText('均已满足', { timeout: 2_000 });
  });
  await expect(gateStatus(gates, 'QA-02.2', 'production')).toHaveText('已满足');
  await expect(gateStatus(gates, 'QA-01', 'release')).toHaveText('已满足');
  await checkScreen(page, 'release-gates-settled');

  await page.getByRole('button', { name: '放行批次' }).click();
  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText('放行');
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  // The release evaluates every gate of four services again before it is recorded (QA-02).
  await expect(dialog).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('journey-stage')).toHaveText('产品已放行');
});

test('QC concludes an OOS laboratory phase; the qualified person signs its outcome', async ({
  page,
}) => {
  // Production completed, then QC's results through the API with viability out of
  // specification (55 %, limit ≥ 70 %): an investigation opens.
  const order = await orderedJourney();
  const { donorCode } = order;
  await runSteps(donorCode, stepsBefore(happyPathSteps(order), 'recordQcResult'));
  const results = qcResultsWithinSpecification(new Date(Date.now() - 60_000)).map((r) =>
    r.testCode === 'viability' ? { ...r, value: 55 } : r,
  );
  const recorded = await api.step('qc', donorCode, 'recordQcResult', { results });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);

  await signIn(page, 'qc', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('放行审核');
  const oos = page.getByTestId('oos-viability');
  await expect(oos.getByTestId('oos-status-viability')).toHaveText('待实验室调查');
  await expect(page.getByTestId('test-status-viability')).toHaveText('调查中');
  const laboratory = oos.getByTestId('laboratory-conclusion-form');
  await laboratory.getByLabel('找到可归属的实验室原因', { exact: true }).check();
  await laboratory
    .getByLabel('调查发现')
    .fill('检验当日流式细胞仪校准已过期，属实验室原因，安排复检');
  await checkScreen(page, 'oos-laboratory-phase');
  await laboratory.getByRole('button', { name: '记录实验室调查结论' }).click();
  await expect(oos.getByTestId('oos-status-viability')).toHaveText('待复检');

  // The retest under the investigation, in the results entry: unit and method are prefilled.
  const retest = page.getByTestId('qc-entry-form').getByTestId('retest-viability');
  await expect(retest.getByLabel('viability 单位')).toHaveValue('%');
  await retest.getByLabel('viability 结果').fill('88');
  await retest.getByLabel('viability 仪器').fill('QC-INSTR-02');
  await retest.getByLabel('viability 样品').fill('QCS-FP-01-R1');
  await checkScreen(page, 'qc-results-entry-retest');
  await page.getByRole('button', { name: '提交检验结果' }).click();
  await expect(page.getByTestId('qc-results')).toContainText('88 %');
  await expect(page.getByTestId('qc-results')).toContainText('调查');

  await signIn(page, 'qa-qp', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  const outcome = page.getByTestId('oos-viability').getByTestId('oos-outcome-form');
  await outcome.getByLabel('结果无效（复检有效）').check();
  await outcome.getByLabel('理由').fill('实验室原因已确认，复检结果符合标准，以复检结果为准');
  await outcome.getByRole('button', { name: '签署调查结论' }).click();
  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText('批准');
  await expect(dialog).toContainText(donorCode);
  await checkScreen(page, 'oos-outcome-signature');
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('oos-status-viability')).toHaveText('结果无效（复检有效）');
  await expect(page.getByTestId('test-status-viability')).toHaveText('符合标准');
  await untilGates(page, async (gates) => {
    await expect(gateStatus(gates, 'QA-02.1', 'release')).toHaveText('已满足', { timeout: 2_000 });
  });
  await checkScreen(page, 'oos-invalidated');
});
