import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  demoUserPassword,
  happyPathSteps,
  pollUntil,
  scriptedStep,
  SEEDED_KEY_MATERIAL_LOTS,
  stepsBefore,
} from '@v2v/testing';
import { api, checkScreen, orderedJourney, runSteps, shanghaiInput, signIn } from './support';

interface Trace {
  entries?: Array<{ messageType: string }>;
}

/**
 * A journey driven through the API to `shipped` (the batch made with the demo's lots, released
 * by the qualified person), once the ledger holds the shipment.
 */
async function shippedJourney() {
  const order = await orderedJourney();
  await runSteps(order.donorCode, stepsBefore(happyPathSteps(order), 'receiveAtSite'));
  const status = await api.as<{ view: { stage: string; batchNumber: string } }>(
    'ops',
    'GET',
    `/api/journeys/${order.donorCode}`,
  );
  expect(status.body.view.stage).toBe('shipped');
  // The ledger learns each step from the services' events, a moment after the step.
  await pollUntil(
    'the shipment on the chain of custody',
    async () => {
      const trace = await api.as<Trace>('ops', 'GET', `/api/traces/donors/${order.donorCode}`);
      return trace.body.entries?.some((e) => e.messageType === 'product.shipped.v1') || undefined;
    },
    { timeoutMs: 60_000 },
  );
  return { ...order, batchNumber: status.body.view.batchNumber };
}

/** The file a button hands to the browser, with its name and its text. */
async function downloaded(page: Page, button: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('ops reads the custody picture, verifies the ledger, exports, checks signatures', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const startedFrom = new Date(Date.now() - 60_000);
  const journey = await shippedJourney();
  const { donorCode, batchNumber } = journey;
  await signIn(page, 'ops', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('已发运');
  // The journey's workflow in Temporal UI: `journey-<donorCode>`, as the gateway links it.
  const temporal = await page.getByTestId('temporal-link').getAttribute('href');
  expect(temporal).toContain(`/workflows/${encodeURIComponent(`journey-${donorCode}`)}`);

  // Donor → unit → batch (its lots beside it) → product → patient, each with its code.
  const custody = page.getByTestId('custody-picture');
  await expect(custody.getByTestId('custody-donor-code')).toHaveText(donorCode);
  await expect(custody.getByTestId('custody-unit-1-code')).toHaveText(donorCode);
  await expect(custody.getByTestId(`custody-batch-${batchNumber}-code`)).toHaveText(batchNumber);
  await expect(custody.getByTestId(`custody-lots-${batchNumber}`)).toContainText(
    `${SEEDED_KEY_MATERIAL_LOTS.lentiviralVector} · LV-CD19-BBZ`,
  );
  await expect(custody.getByTestId('custody-product')).toContainText('shipped with');
  await expect(custody.getByTestId('custody-patient-code')).toHaveText(journey.patientReference);
  await expect(custody.getByTestId('custody-patient')).toContainText('尚未到达');
  await checkScreen(page, 'custody-picture');

  await page.getByRole('button', { name: '验证账本', exact: true }).click();
  const verdict = page.getByTestId('ledger-result');
  await expect(verdict).toContainText('账本完整');
  await expect(verdict).toContainText(`供者唯一编号 ${donorCode} 的哈希链`);
  await expect(verdict.getByTestId('ledger-checked')).toContainText('1 条哈希链');
  await expect(verdict.getByTestId('ledger-first-broken')).toHaveCount(0);
  await checkScreen(page, 'ledger-verification');

  const csv = await downloaded(page, '导出 CSV');
  expect(csv.name).toBe(`journey-${donorCode}.csv`);
  expect(csv.text).toContain(donorCode);

  // The qualified person's release of the batch, valid against its record as stored.
  const release = page.getByTestId('signatures').locator('tr', { hasText: '放行批次' });
  await expect(release).toContainText('放行');
  await expect(release).toContainText('qa-qp');
  await expect(release).toContainText('质量受权人');
  await expect(release.getByTestId('signature-validity')).toHaveText('有效');
  await checkScreen(page, 'signatures');

  // The journeys started since just before this one's order, as CSV, from the board.
  await page.goto('/');
  const range = page.getByTestId('journeys-export');
  await range.getByLabel('开始时间自').fill(shanghaiInput(startedFrom));
  await range.getByLabel('至', { exact: true }).fill(shanghaiInput(new Date(Date.now() + 60_000)));
  await checkScreen(page, 'journeys-export');
  const journeys = await downloaded(page, '导出 CSV');
  expect(journeys.name).toMatch(/^journeys-.*\.csv$/);
  expect(journeys.text).toContain(donorCode);
});

test('QA investigates and closes a transport deviation through the signature dialog', async ({
  page,
}) => {
  // A logger reading of 12.5 °C on the way to the factory raises a GEN-01 deviation.
  const order = await orderedJourney();
  const { donorCode } = order;
  const steps = happyPathSteps(order);
  await runSteps(donorCode, stepsBefore(steps, 'recordMaterialReceipt'));
  const receipt = scriptedStep(steps, 'recordMaterialReceipt');
  const readings = receipt.telemetry!.readings.map((r, i) =>
    i === 10 ? { ...r, temperatureC: 12.5 } : r,
  );
  await api.uploadReadings({ ...receipt.telemetry!, readings });
  // Recorded by donor-intake first, then told to the journey (its notice names the leg).
  await pollUntil('the transport deviation on the journey', async () => {
    const status = await api.as<{ view?: { deviations: Array<{ description: string }> } }>(
      'qa-qp',
      'GET',
      `/api/journeys/${donorCode}`,
    );
    return status.body.view?.deviations.find((d) => d.description.includes('12.5 °C'));
  });

  await signIn(page, 'qa-qp', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  const row = page.getByTestId('deviations').locator('tr', { hasText: '12.5 °C' });
  await expect(row.getByTestId('deviation-status')).toHaveText('待处理');
  await expect(row).toContainText('GEN-01');
  await expect(row).toContainText('运输至生产企业');
  await checkScreen(page, 'deviations-open');

  await row.getByRole('button', { name: '调查并关闭' }).click();
  const form = page.getByTestId('deviation-closure-form');
  await form.getByLabel('调查情况').fill('温度记录仪放置在箱门密封条旁，读数受开门影响');
  await form.getByLabel('根本原因').fill('包装操作失误');
  await form.getByLabel('纠正措施').fill('修订包装操作规程并培训相关人员');
  await checkScreen(page, 'deviation-closure-form');
  await form.getByRole('button', { name: '签署偏差关闭' }).click();

  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText('关闭');
  await expect(dialog).toContainText(donorCode);
  await dialog.getByLabel('请重新输入密码').fill('not-my-password');
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog.getByTestId('refusal-code')).toHaveText('CSV-02');
  await expect(dialog.getByTestId('refusal-message')).toContainText('(CSV-02)');
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  await expect(dialog).toBeHidden();

  await expect(row.getByTestId('deviation-status')).toHaveText('已关闭');
  await expect(form).toBeHidden();
  await checkScreen(page, 'deviation-closed');
});
