import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { demoUserPassword, happyPathSteps, SECOND_CLINICIAN, stepsBefore } from '@v2v/testing';
import { checkScreen, patientReference, runSteps, shanghaiInput, signIn } from './support';

/** Signs the current user out (if any) and the next one in, as each role takes its turn. */
async function nextRole(page: Page, username: string): Promise<void> {
  const signOut = page.getByRole('button', { name: '退出登录' });
  if (await signOut.isVisible()) await signOut.click();
  await signIn(page, username, demoUserPassword());
}

/** A wedge scanner: it types the code into the focused field and ends with Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/**
 * Order to infusion in Chinese. Clicked in the console: the order (scheduler), and after the
 * release everything the site does: notifications, instructions for use, receipt at site, the
 * bedside two-person check and the infusion (hospital). Between them the steps run through
 * the gateway's API (`runSteps` with `happyPathSteps`): their screens are clicked by
 * hospital.spec.ts (screening to hand-over), receipt.spec.ts (receipt inspection),
 * batch-record.spec.ts (the batch record) and release.spec.ts (releases); the shipment to the
 * site (operator) has no screen yet.
 */
test('a journey from order to infusion in Chinese, each role in turn', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // Scheduler: the order.
  await nextRole(page, 'scheduler');
  await expect(page.getByRole('heading', { name: '患者旅程看板' })).toBeVisible();
  await page.getByRole('button', { name: '下达治疗订单' }).click();
  const patient = patientReference();
  await page.getByLabel('患者编号（假名化）').fill(patient);
  await page.getByLabel('期望采集日期').fill('2026-12-20');
  await page.getByRole('button', { name: '下达订单' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('已下单');
  const donorCode = (await page.getByTestId('donor-code').textContent())!.trim();
  await checkScreen(page, 'zh-journey-ordered');

  // Screening to shipment through the API (see above).
  const order = { donorCode, patientReference: patient };
  await runSteps(donorCode, stepsBefore(happyPathSteps(order), 'receiveAtSite'));

  // Hospital: the release and the shipment reach its feed; the menu counts what is open.
  await nextRole(page, 'hospital');
  await expect(page.getByTestId('notification-badge')).toBeVisible();
  await page.getByRole('link', { name: '通知' }).click();
  await expect(page.getByRole('heading', { name: '通知' })).toBeVisible();
  const shipped = page.getByRole('row').filter({ hasText: donorCode }).filter({
    hasText: '产品已由 ColdChain Express 发运',
  });
  // The notifications come from the custody events a moment later: read the feed again.
  await expect(async () => {
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(shipped).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await checkScreen(page, 'zh-notifications');
  await shipped.getByRole('button', { name: '确认' }).click();
  await expect(shipped).toContainText('已确认');

  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('已发运');

  // The instructions for use that travelled with the product: the PDF, then their receipt.
  const instructions = page.getByTestId('instructions-for-use');
  await expect(instructions.getByRole('heading', { name: '使用说明书' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    instructions.getByRole('button', { name: '下载使用说明书（PDF）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`instructions-for-use-${donorCode}.pdf`);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await instructions.getByRole('button', { name: '确认已收到使用说明书' }).click();
  await expect(instructions.getByTestId('ifu-acknowledged')).toContainText('已确认收到使用说明书');

  // Receipt at site: the scanner's Enter on the label sends the receipt.
  const receipt = page.getByTestId('receive-at-site-form');
  await expect(receipt.getByRole('heading', { name: '医疗机构接收产品' })).toBeVisible();
  await checkScreen(page, 'zh-receipt-at-site');
  await receipt.getByLabel('扫描产品标签（供者唯一编号）').click();
  await scan(page, donorCode);
  await expect(page.getByTestId('journey-stage')).toHaveText('医疗机构已接收');

  // The thaw (OTH-01): it ends the site storage and starts the time to the infusion.
  const thaw = page.getByTestId('thaw-form');
  await expect(thaw.getByRole('heading', { name: '产品复苏（解冻）' })).toBeVisible();
  const thawedAt = Date.now();
  await thaw.getByLabel('开始复苏时间').fill(shanghaiInput(new Date(thawedAt - 10 * 60_000)));
  await thaw.getByLabel('复苏完成时间').fill(shanghaiInput(new Date(thawedAt - 60_000)));
  await thaw.getByLabel('水浴温度（°C）').fill('37');
  await thaw.getByLabel('复苏方法（按使用说明书）').fill('37 °C 水浴，轻柔晃动至完全融化');
  await checkScreen(page, 'zh-thaw');
  await thaw.getByRole('button', { name: '记录复苏' }).click();
  // Nine minutes is longer than the instructions for use allow: refused with its rule.
  await expect(thaw.getByTestId('refusal-code')).toHaveText('OTH-01');
  await thaw.getByLabel('开始复苏时间').fill(shanghaiInput(new Date(thawedAt - 4 * 60_000)));
  await thaw.getByRole('button', { name: '记录复苏' }).click();

  // The bedside check: each Enter moves to the next scan, the last to the infusion's details.
  const infusion = page.getByTestId('infusion-form');
  await expect(infusion.getByRole('heading', { name: '床旁双人核对与回输记录' })).toBeVisible();
  const first = infusion.getByTestId('bedside-first');
  const second = infusion.getByTestId('bedside-second');
  await first.getByLabel('扫描产品标签（供者唯一编号）').click();
  await scan(page, donorCode);
  await expect(first.getByLabel('扫描患者编号（腕带）')).toBeFocused();
  await scan(page, patient);
  await expect(second.getByLabel('第二核对人用户名')).toBeFocused();
  // Another institution's clinician cannot be the second verification (OTH-02).
  await scan(page, 'hospital-inst-002');
  await expect(second.getByLabel('扫描产品标签（供者唯一编号）')).toBeFocused();
  await scan(page, donorCode);
  await scan(page, patient);
  await expect(infusion.getByLabel('回输量（mL）')).toBeFocused();
  await page.keyboard.type('68');
  await infusion.getByLabel('剂量', { exact: true }).fill('110000000');
  await infusion.getByLabel('剂量单位').fill('CAR+ 活 T 细胞');
  await infusion.getByLabel('实施回输的人员').fill('护士 王芳');
  await checkScreen(page, 'zh-bedside-check');
  await infusion.getByRole('button', { name: '记录回输' }).click();
  await expect(infusion.getByTestId('refusal-code')).toHaveText('OTH-02');
  await expect(infusion.getByTestId('refusal-message')).toContainText('(OTH-02)');
  await checkScreen(page, 'zh-bedside-refused');

  await second.getByLabel('第二核对人用户名').fill(SECOND_CLINICIAN);
  await infusion.getByRole('button', { name: '记录回输' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('随访');
  await checkScreen(page, 'zh-infused');
});
