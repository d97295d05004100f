import { expect, type Page, test } from '@playwright/test';
import { demoUserPassword, happyPathSteps, type ScriptedStep, stepsBefore } from '@v2v/testing';
import { checkScreen, orderedJourney, runSteps, signIn } from './support';

/*
 * QC's and QA's steps before the batch release, clicked in the console (Chinese): the donor
 * material's tests (QA-02.5), QA's signed impact assessment, the sample register (QA-01) and
 * QA's signed batch record review (QA-02.2). Each journey is driven through the API first.
 */

const open = async (page: Page, donorCode: string) => {
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('donor-code')).toHaveText(donorCode);
};

/** Signs the dialog that opened with the demo password, checking its meaning first. */
async function sign(page: Page, donorCode: string, meaning: string, screen: string) {
  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText(meaning);
  await expect(dialog).toContainText(donorCode);
  await checkScreen(page, screen);
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** The script with QC's donor material results after the receipt left out: QC clicks them. */
const withoutScriptedDonorTests = (steps: ScriptedStep[]) =>
  steps.map((s) =>
    s.step === 'recordMaterialReceipt' ? { ...s, donorMaterialTests: undefined } : s,
  );

test('QC records the donor material tests needed before its release', async ({ page }) => {
  const order = await orderedJourney();
  const steps = happyPathSteps({ ...order, sterilityPendingAtMaterialRelease: true });
  await runSteps(order.donorCode, withoutScriptedDonorTests(stepsBefore(steps, 'releaseMaterial')));

  await signIn(page, 'qc', demoUserPassword());
  await open(page, order.donorCode);
  const standing = page.getByTestId('donor-material-tests');
  await expect(standing.getByTestId('dm-status-cell-count')).toHaveText('待检验');
  const entry = page.getByTestId('donor-material-entry-form');
  // Unit and method come from the journey's specification.
  await expect(entry.getByLabel('viability 单位')).toHaveValue('%');
  await expect(entry.getByLabel('cell-count 检验方法')).toHaveValue(
    'automated haematology analyser',
  );
  await entry.getByLabel('cell-count 结果').fill('4.2');
  await entry.getByLabel('viability 结果').fill('96');
  await checkScreen(page, 'donor-material-tests-entry');
  await entry.getByRole('button', { name: '记录供者材料检验结果' }).click();

  await expect(standing.getByTestId('dm-status-cell-count')).toHaveText('符合标准');
  await expect(standing.getByTestId('dm-status-viability')).toHaveText('符合标准');
  await expect(standing.getByTestId('dm-status-sterility')).toHaveText('待检验');
  await expect(standing.getByTestId('dm-standing-viability')).toContainText('96 %');
  await checkScreen(page, 'donor-material-tests-recorded');
});

test('QC registers the retention samples and the late sterility; QA signs the impact assessment and the batch record review', async ({
  page,
}) => {
  // The batch record is taken through production: longer than one screen's test.
  test.setTimeout(300_000);
  const order = await orderedJourney();
  const { donorCode } = order;
  // Released with its sterility still running; production and QC's results through the API.
  const steps = happyPathSteps({ ...order, sterilityPendingAtMaterialRelease: true });
  await runSteps(donorCode, stepsBefore(steps, 'releaseBatch'));

  await signIn(page, 'qc', demoUserPassword());
  await open(page, donorCode);
  await expect(page.getByTestId('journey-stage')).toHaveText('放行审核');
  await expect(page.getByTestId('dm-pending-at-release')).toContainText('sterility');
  const entry = page.getByTestId('donor-material-entry-form');
  await entry.getByLabel('sterility 结果').fill('no growth');
  await entry.getByRole('button', { name: '记录供者材料检验结果' }).click();
  await expect(page.getByTestId('dm-status-sterility')).toHaveText('符合标准');

  // The final product's retention sample: a retention end before the sample was taken is
  // refused by the release service (QA-01), with the rule ID.
  const form = page.getByTestId('sample-form');
  await expect(form.getByLabel('批号')).not.toHaveValue('');
  await form.getByLabel('数量').fill('1');
  await form.getByLabel('单位', { exact: true }).fill('mL');
  await form.getByLabel('容器').fill('cryobag 5 mL');
  await form.getByLabel('储存位置').fill('LN2-03 rack C');
  await form.getByLabel('储存条件').fill('≤ -150 °C vapour phase LN2');
  await form.getByLabel('留样至').fill('2020-01-01');
  await form.getByRole('button', { name: '登记样品' }).click();
  await expect(form.getByTestId('refusal-code')).toHaveText('QA-01');
  await expect(form.getByTestId('refusal-message')).toContainText('(QA-01)');
  await checkScreen(page, 'sample-refused');

  const fiveYears = `${new Date().getFullYear() + 5}-12-01`;
  await form.getByLabel('留样至').fill(fiveYears);
  await form.getByRole('button', { name: '登记样品' }).click();
  const samples = page.getByTestId('samples');
  await expect(samples.getByTestId('sample-final-product-retention')).toContainText(fiveYears);

  // The donor material's retention sample.
  await form.getByLabel('样品对象').click();
  await page.locator('.ant-select-item-option', { hasText: '供者材料' }).click();
  await expect(form.getByLabel('批号')).toHaveCount(0);
  await form.getByLabel('数量').fill('1.5');
  await form.getByLabel('单位', { exact: true }).fill('mL');
  await form.getByLabel('容器').fill('cryovial 2 mL');
  await form.getByLabel('储存位置').fill('LN2-03 rack B');
  await form.getByLabel('储存条件').fill('≤ -150 °C vapour phase LN2');
  await form.getByLabel('留样至').fill(fiveYears);
  await form.getByRole('button', { name: '登记样品' }).click();
  await expect(samples.getByTestId('sample-donor-material-retention')).toContainText('供者材料');
  await checkScreen(page, 'samples-registered');

  await signIn(page, 'qa-qp', demoUserPassword());
  await open(page, donorCode);
  // The impact assessment covers the test pending at the material's release, checked already.
  const impact = page.getByTestId('dm-impact-form');
  await expect(impact.getByRole('checkbox', { name: /sterility/ })).toBeChecked();
  await impact
    .getByLabel('评估依据')
    .fill('供者材料无菌检查培养7天无菌生长；成品无菌和内毒素已检验；对产品无影响');
  await impact.getByLabel('对产品无影响').check();
  await checkScreen(page, 'donor-material-impact-form');
  await impact.getByRole('button', { name: '签署影响评估' }).click();
  await sign(page, donorCode, '评估', 'donor-material-impact-signature');
  await expect(page.getByTestId('dm-assessments')).toContainText('sterility');
  await expect(page.getByTestId('dm-assessments')).toContainText('对产品无影响');

  await expect(page.getByTestId('review-none')).toBeVisible();
  const review = page.getByTestId('review-form');
  await review.getByLabel('审核意见').fill('批记录各工序、标签和偏差均已审核');
  await review.getByRole('button', { name: '签署批记录审核' }).click();
  await sign(page, donorCode, '审核', 'batch-record-review-signature');
  await expect(page.getByTestId('review-validity')).toHaveText('有效');
  await expect(page.getByTestId('batch-record-review')).toContainText('批记录各工序');

  // The release child evaluates the gates asynchronously: read them again until releasable.
  const gates = page.getByTestId('release-gates');
  await expect(async () => {
    await gates.getByRole('button', { name: '刷新放行条件' }).click();
    await expect(gates.getByTestId('releasable')).toContainText('均已满足', { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
  await checkScreen(page, 'quality-steps-done');
});
