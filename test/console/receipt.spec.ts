import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { formatDonorCode, generateDonorUniqueCode } from '@v2v/contracts';
import { demoUserPassword, happyPathSteps, scriptedStep, stepsBefore } from '@v2v/testing';
import { api, checkScreen, orderedJourney, runSteps, shanghaiInput, signIn } from './support';

const HOUR = 3_600_000;

/**
 * A journey whose unit is on its way to the factory, collected 16 hours ago and handed over 15
 * hours ago, with the transport logger's readings up to now uploaded.
 */
async function unitInTransit() {
  const order = await orderedJourney();
  // On a whole second: the label's time is typed to the second and must match the record.
  const start = new Date(Math.floor((Date.now() - 40 * HOUR) / 1000) * 1000);
  const steps = happyPathSteps({ ...order, start });
  await runSteps(order.donorCode, stepsBefore(steps, 'recordMaterialReceipt'));
  await api.uploadReadings(scriptedStep(steps, 'recordMaterialReceipt').telemetry!);
  return { donorCode: order.donorCode, collectedAt: new Date(start.getTime() + 24 * HOUR) };
}

async function openReceipt(page: Page, donorCode: string) {
  await signIn(page, 'operator', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('运输至工厂');
  return page.getByTestId('receipt-form');
}

test('an operator inspects a received unit on the six-item checklist with a scanned label', async ({
  page,
}) => {
  const { donorCode, collectedAt } = await unitInTransit();
  const form = await openReceipt(page, donorCode);
  await expect(form.getByTestId('receipt-checklist').locator('li')).toHaveCount(6);
  await expect(form.getByText('由系统核对')).toHaveCount(4);

  await form.getByLabel('完整无破损').check();
  await form.getByLabel('标签上的采集日期和时间').fill(shanghaiInput(collectedAt));
  await form.getByLabel('标签上的采集量（mL）').fill('180');
  await form.getByLabel('存放的储存单元').fill('COLD-01');
  await checkScreen(page, 'receipt-inspection');

  // A mistyped code: its check character fails at the gateway, beside the scan field (TRC-02).
  const scan = form.getByLabel('扫描包装标签');
  await scan.fill(`${donorCode.slice(0, -1)}${donorCode.endsWith('0') ? '1' : '0'}`);
  await scan.press('Enter');
  await expect(form.getByTestId('refusal-code')).toHaveText('VALIDATION_FAILED');
  await expect(
    page
      .locator('.ant-form-item', { has: page.getByLabel('扫描包装标签') })
      .locator('.ant-form-item-explain-error'),
  ).toContainText('TRC-02');

  // Another donor's label: the identity check refuses the hand-over (TRC-03).
  const other = formatDonorCode(
    generateDonorUniqueCode({ facility: 'Z9999', year: 2026, sequence: randomInt(1, 999_999) }),
  );
  await scan.fill(`=${other}`);
  await scan.press('Enter');
  await expect(form.getByTestId('refusal-code')).toHaveText('IDENTITY_MISMATCH');
  await expect(form.getByTestId('refusal-message')).toContainText(other);
  await checkScreen(page, 'receipt-wrong-scan');

  // The scanner types the label's Data Matrix content and Enter: the inspection is sent.
  await scan.fill(`=${donorCode}`);
  await scan.press('Enter');
  await expect(page.getByTestId('journey-stage')).toHaveText('已接收');
  await expect(page.getByTestId('receipt-outcome')).toContainText('接收检查通过');
  await expect(page.getByTestId('receipt-form')).toHaveCount(0);
});

test('a unit with damaged packaging is shown plainly as quarantined, with the failed item', async ({
  page,
}) => {
  const { donorCode } = await unitInTransit();
  const form = await openReceipt(page, donorCode);
  await form.getByLabel('有破损').check();
  await form.getByLabel('标签上的采集量（mL）').fill('180');
  await form.getByLabel('存放的储存单元').fill('COLD-01');
  await form.getByLabel('扫描包装标签').fill(`=${donorCode}`);
  await form.getByLabel('扫描包装标签').press('Enter');
  await expect(page.getByTestId('journey-stage')).toHaveText('供者材料待验');
  const outcome = page.getByTestId('receipt-outcome');
  await expect(outcome).toContainText('接收检查未通过：供者材料已隔离待验');
  await expect(outcome).toContainText('DON-04.3');
  await checkScreen(page, 'receipt-quarantined');
});
