import { expect, test } from '@playwright/test';
import { demoUserPassword, happyPathSteps, stepsBefore } from '@v2v/testing';
import { checkScreen, orderedJourney, runSteps, signIn } from './support';

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
