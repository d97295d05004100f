import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { donorCodeInFileName } from '@v2v/contracts';
import { demoUserPassword, happyPathSteps, scriptedStep } from '@v2v/testing';
import { checkScreen, orderedJourney, runSteps, shanghaiInput, signIn } from './support';

const HOUR = 3_600_000;

test('a hospital user records screening, collection, storage and hand-over, and downloads the label', async ({
  page,
}) => {
  const order = await orderedJourney();
  const { donorCode } = order;
  await signIn(page, 'hospital', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('已下单');

  // Screening: the four mandatory markers are listed; nothing is sent without the confirmation.
  const screening = page.getByTestId('screening-form');
  for (const row of [0, 1, 2, 3]) {
    const marker = screening.getByTestId(`marker-${row}`);
    await marker.getByLabel('阴性').check();
    await marker.getByLabel('检测方法').fill('化学发光法，血源筛查试剂');
  }
  await screening.getByRole('button', { name: '记录供者筛查' }).click();
  await expect(screening.getByText('须由临床医生确认患者符合入选标准（DON-01）')).toBeVisible();
  await screening.getByLabel('本人确认患者符合产品的入选标准（DON-01）').check();
  await checkScreen(page, 'hospital-screening');
  await screening.getByRole('button', { name: '记录供者筛查' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('供者已筛查');

  await runSteps(donorCode, [scriptedStep(happyPathSteps(order), 'scheduleCollection')]);
  await page.reload();
  await expect(page.getByTestId('journey-stage')).toHaveText('已安排采集');

  const now = Date.now();
  const collection = page.getByTestId('collection-form');
  await collection.getByLabel('采集结束时间').fill(shanghaiInput(new Date(now - 3 * HOUR)));
  await collection.getByLabel('采集量（mL）').fill('180');
  await collection.getByLabel('采集袋批号').fill('BAG-2026-0042');
  await collection.getByLabel('实施采集的人员').fill('护士 李娜');
  await checkScreen(page, 'hospital-collection');
  await collection.getByRole('button', { name: '记录采集' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('已采集');

  // The label of the collected unit, as a PDF from the gateway.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载供者材料标签（PDF）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`label-${donorCodeInFileName(donorCode)}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // Storage: an end before the start is caught before anything is sent.
  const storage = page.getByTestId('storage-form');
  await storage.getByLabel('储存开始时间').fill(shanghaiInput(new Date(now - 2 * HOUR)));
  await storage.getByLabel('储存结束时间').fill(shanghaiInput(new Date(now - 2.5 * HOUR)));
  await storage.getByLabel('最低温度（°C）').fill('4');
  await storage.getByLabel('最高温度（°C）').fill('6');
  await storage.getByLabel('储存位置').fill('单采室冰箱 R2');
  await storage.getByRole('button', { name: '记录储存' }).click();
  await expect(storage.getByText('储存结束时间须晚于开始时间')).toBeVisible();
  await storage.getByLabel('储存结束时间').fill(shanghaiInput(new Date(now - HOUR)));
  await checkScreen(page, 'hospital-storage');
  await storage.getByRole('button', { name: '记录储存' }).click();
  // Recorded: the unit stays collected, and its storage form gives way to the hand-over.
  await expect(page.getByTestId('storage-form')).toBeHidden();
  await expect(page.getByTestId('journey-stage')).toHaveText('已采集');

  const handOver = page.getByTestId('hand-over-form');
  await handOver.getByLabel('承运人').fill('ColdChain Express');
  await handOver.getByLabel('运输容器（经确认的运输配置）').fill('SHIPPER-2-8C-01');
  await handOver.getByLabel('包装编号').fill(`PKG-${donorCode.slice(-8)}`);
  await checkScreen(page, 'hospital-hand-over');
  await handOver.getByRole('button', { name: '记录交接' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('运输至工厂');
});

test("another institution's hospital user finds nothing of the journey", async ({ page }) => {
  const { donorCode } = await orderedJourney();
  await signIn(page, 'hospital-inst-002', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByText('未找到该供者唯一编号的旅程')).toBeVisible();
  await expect(page.getByTestId('refusal-message')).toContainText(donorCode);
  await expect(page.getByTestId('screening-form')).toHaveCount(0);
  await checkScreen(page, 'hospital-not-found');
});
