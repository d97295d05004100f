import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { demoUserPassword, happyPathSteps, stepsBefore } from '@v2v/testing';
import { api, checkScreen, orderedJourney, runSteps, signIn } from './support';

/** A journey driven through the API to its batch's release: the product waits to be shipped. */
async function releasedBatch(): Promise<{ donorCode: string; batchNumber: string }> {
  const order = await orderedJourney();
  await runSteps(order.donorCode, stepsBefore(happyPathSteps(order), 'shipToSite'));
  const journey = await api.as<{ view: { batchNumber: string } }>(
    'qa-qp',
    'GET',
    `/api/journeys/${encodeURIComponent(order.donorCode)}`,
  );
  expect(journey.status).toBe(200);
  return { donorCode: order.donorCode, batchNumber: journey.body.view.batchNumber };
}

test('the qualified person recalls a released batch; its journey is disposed and reported', async ({
  page,
}) => {
  const { donorCode, batchNumber } = await releasedBatch();
  await signIn(page, 'qa-qp', demoUserPassword());
  await page.getByRole('link', { name: '召回', exact: true }).click();
  await expect(page.getByRole('heading', { name: '产品召回' })).toBeVisible();
  await checkScreen(page, 'recalls');

  // A batch no journey has: refused in the signature dialog, nothing signed (QA-04).
  const form = page.getByTestId('raise-recall-form');
  await form.getByLabel('批次', { exact: true }).check();
  await form.getByLabel('批号').fill(`${batchNumber}-X`);
  await form.getByLabel('召回原因').fill('放行后复检发现无菌检查阳性，可能影响患者安全');
  await form.getByLabel('一级（可能造成严重健康危害）').check();
  await form.getByRole('button', { name: '签名并发起召回' }).click();
  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText('召回');
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  // An unknown batch is not found: nothing is recalled, the dialog says so with its code.
  await expect(dialog.getByTestId('refusal-code')).toHaveText('NOT_FOUND');
  await expect(dialog.getByTestId('refusal-message')).toContainText(`${batchNumber}-X`);
  await dialog.getByRole('button', { name: '取消' }).click();

  // The released batch: signed, and its journey found through the genealogy.
  await form.getByLabel('批号').fill(batchNumber);
  await form.getByRole('button', { name: '签名并发起召回' }).click();
  await expect(dialog).toContainText(batchNumber);
  await checkScreen(page, 'recall-signature');
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog).toBeHidden();

  const recall = page.getByTestId(`recall-${batchNumber}`);
  const unit = recall.getByRole('row').filter({ hasText: donorCode });
  await expect(unit).toBeVisible();
  await expect(recall.getByTestId(`unit-status-${donorCode}`)).toHaveText('待处置');
  await expect(unit).toContainText(batchNumber);
  await checkScreen(page, 'recall-raised');

  await unit.getByRole('button', { name: '记录处置' }).click();
  const disposition = page.getByTestId('disposition-form');
  await expect(disposition.getByRole('heading', { name: /^记录召回单元处置/ })).toContainText(
    donorCode,
  );
  await disposition.getByLabel('销毁', { exact: true }).check();
  await disposition.getByLabel('处置说明').fill('产品在工厂经双人见证销毁');
  await checkScreen(page, 'recall-disposition');
  await disposition.getByRole('button', { name: '提交处置' }).click();
  await expect(recall.getByTestId(`unit-status-${donorCode}`)).toHaveText('已销毁');
  await expect(unit).toContainText('产品在工厂经双人见证销毁');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    recall.getByRole('button', { name: '下载召回报告（PDF）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^recall-[0-9a-f-]+\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});

test('ops reads the recalls without raising one', async ({ page }) => {
  await signIn(page, 'ops', demoUserPassword());
  await page.getByRole('link', { name: '召回', exact: true }).click();
  await expect(page.getByRole('heading', { name: '产品召回' })).toBeVisible();
  await expect(page.getByTestId('raise-recall-form')).toHaveCount(0);
  await expect(page.getByTestId('refusal')).toHaveCount(0);
  await checkScreen(page, 'recalls-ops');
});
