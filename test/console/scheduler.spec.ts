import { expect, test } from '@playwright/test';
import { demoUserPassword } from '@v2v/testing';
import { checkScreen, patientReference, signIn } from './support';

test('a scheduler works in Chinese, switches to English, orders a therapy and finds it', async ({
  page,
}) => {
  await signIn(page, 'scheduler', demoUserPassword());
  await expect(page.getByRole('heading', { name: '患者旅程看板' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await checkScreen(page, 'board-zh');

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Journey board' })).toBeVisible();

  await page.getByRole('button', { name: 'Order a therapy' }).click();
  const patient = patientReference();
  await page.getByLabel('Patient reference (pseudonymous)').fill(patient);
  await page.getByLabel('Requested collection date').fill('2026-12-20');
  await checkScreen(page, 'order-form');
  await page.getByRole('button', { name: 'Place order' }).click();

  const donorCode = page.getByTestId('donor-code');
  await expect(donorCode).toBeVisible();
  const code = (await donorCode.textContent())!.trim();
  await expect(page.getByTestId('journey-stage')).toHaveText('Ordered');
  await expect(page.getByRole('link', { name: 'Open in Temporal UI' })).toHaveAttribute(
    'href',
    /journey-/,
  );
  await checkScreen(page, 'journey-detail');

  await page.getByRole('link', { name: 'Back to the board' }).click();
  await page.getByLabel('Find by donor unique code').fill(code);
  await page.getByLabel('Find by donor unique code').press('Enter');
  await expect(page.getByTestId('donor-code')).toHaveText(code);
  // Temporal's visibility store catches up with the start in a moment: the board lists it.
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await page.getByLabel('Stage').click();
  await page.locator('.ant-select-item-option', { hasText: 'Ordered' }).click();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('link', { name: code })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test('an order is checked before sending, and the server refusal shows its rule ID', async ({
  page,
}) => {
  await signIn(page, 'scheduler', demoUserPassword());
  await page.getByRole('button', { name: '下达治疗订单' }).click();
  await page.getByLabel('患者编号（假名化）').fill(patientReference());
  await page.getByLabel('期望采集日期').fill('20261220');
  await page.getByRole('button', { name: '下达订单' }).click();
  await expect(page.getByText('日期格式为 YYYY-MM-DD')).toBeVisible();

  // A date of the right shape that does not exist: the server's field error, beside the field.
  await page.getByLabel('期望采集日期').fill('2026-02-30');
  await page.getByRole('button', { name: '下达订单' }).click();
  await expect(page.getByTestId('refusal-code')).toHaveText('VALIDATION_FAILED');
  await expect(
    page
      .locator('.ant-form-item', { has: page.getByLabel('期望采集日期') })
      .locator('.ant-form-item-explain-error'),
  ).toBeVisible();

  // A product without a published specification: refused with its code and sentence.
  await page.getByLabel('期望采集日期').fill('2026-12-20');
  await page.getByLabel('产品代码').fill('CART-NONE');
  await page.getByRole('button', { name: '下达订单' }).click();
  await expect(page.getByTestId('refusal-code')).toHaveText('UNKNOWN_PRODUCT');
  await expect(page.getByTestId('refusal-message')).toContainText('GEN-03');
  await checkScreen(page, 'refusal');
});
