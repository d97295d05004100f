import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { donorCodeInFileName } from '@v2v/contracts';
import { demoUserPassword, loggerReadings, SECOND_CLINICIAN } from '@v2v/testing';
import { clickBatchRecord, leaveRoomsFree } from './batch-record-clicks';
import { api, checkScreen, patientReference, shanghaiInput, signIn } from './support';

const HOUR = 3_600_000;

/** The journey of this file, whose rooms are left free even if the test fails. */
const donorCodes: string[] = [];
test.afterEach(() => leaveRoomsFree(donorCodes));

/** Signs the current user out (if any) and the next one in, as each role takes its turn. */
async function nextRole(page: Page, username: string, donorCode?: string): Promise<void> {
  const signOut = page.getByRole('button', { name: '退出登录' });
  if (await signOut.isVisible()) await signOut.click();
  await signIn(page, username, demoUserPassword());
  if (donorCode) await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
}

/** A wedge scanner: it types the code into the focused field and ends with Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/** The qualified person's signature in the dialog, with the password re-entered (CSV-02). */
async function sign(page: Page, meaning: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '电子签名' });
  await expect(dialog.getByTestId('signature-meaning')).toHaveText(meaning);
  await dialog.getByLabel('请重新输入密码').fill(demoUserPassword());
  await dialog.getByRole('button', { name: '签名并提交' }).click();
  // A batch release evaluates every gate of four services again before it is recorded.
  await expect(dialog).toBeHidden({ timeout: 60_000 });
}

/** QC enters the donor material's tests; unit, method and time come prefilled. */
async function clickDonorMaterialTests(page: Page, donorCode: string): Promise<void> {
  await nextRole(page, 'qc', donorCode);
  const entry = page.getByTestId('donor-material-entry-form');
  await entry.getByLabel('cell-count 结果').fill('4.2');
  await entry.getByLabel('viability 结果').fill('96');
  await entry.getByLabel('sterility 结果').fill('no growth');
  await checkScreen(page, 'zh-donor-material-tests');
  await entry.getByRole('button', { name: '记录供者材料检验结果' }).click();
  for (const code of ['cell-count', 'viability', 'sterility'])
    await expect(page.getByTestId(`dm-status-${code}`)).toHaveText('符合标准');
}

/** QC registers a retention sample of `subject` (the form's default: the final product). */
async function clickRetentionSample(page: Page, subject?: '供者材料'): Promise<void> {
  const form = page.getByTestId('sample-form');
  if (subject) {
    await form.getByLabel('样品对象').click();
    await page.locator('.ant-select-item-option', { hasText: subject }).click();
  }
  await form.getByLabel('数量').fill('1');
  await form.getByLabel('单位', { exact: true }).fill('mL');
  await form.getByLabel('容器').fill('cryovial 2 mL');
  await form.getByLabel('储存位置').fill('LN2-03 rack B');
  await form.getByLabel('储存条件').fill('≤ -150 °C vapour phase LN2');
  await form.getByLabel('留样至').fill(`${new Date().getFullYear() + 5}-12-01`);
  await form.getByRole('button', { name: '登记样品' }).click();
  const purpose = subject ? 'donor-material' : 'final-product';
  await expect(page.getByTestId(`sample-${purpose}-retention`)).toBeVisible();
}

/** QC's retention samples, then the qualified person's signed batch record review. */
async function clickSamplesAndReview(page: Page, donorCode: string): Promise<void> {
  await nextRole(page, 'qc', donorCode);
  await clickRetentionSample(page);
  await clickRetentionSample(page, '供者材料');
  await checkScreen(page, 'zh-samples');
  await nextRole(page, 'qa-qp', donorCode);
  const review = page.getByTestId('review-form');
  await review.getByLabel('审核意见').fill('批记录各工序、标签和偏差均已审核');
  await review.getByRole('button', { name: '签署批记录审核' }).click();
  await sign(page, '审核');
  await expect(page.getByTestId('review-validity')).toHaveText('有效');
}

/** QC's raw results of CART-CD19 v1's final product, within specification. */
const QC_RESULTS: Array<[code: string, value: string]> = [
  ['endotoxin', '0.12'],
  ['mycoplasma', 'not detected'],
  ['identity', 'CD3+ CAR+ confirmed'],
  ['car-expression', '42'],
  ['viability', '91'],
  ['total-viable-cells', '2.4'],
  ['rcl', 'not detected'],
];

/**
 * Order to infusion in Chinese, each role in turn in the console: the scheduler's order and
 * collection booking; the hospital's screening, collection, storage and hand-over; the
 * operator's receipt inspection; QA's material release; QC's results; the qualified person's
 * batch release; the operator's shipment; then the site's notifications, instructions for use,
 * receipt, thaw, bedside check and infusion, with QC's donor material tests and samples and
 * QA's batch record review between. Production is clicked too: the operator starts it on the
 * label scan, then for every step of the batch record the production manager books it (on a
 * page of their own, beside the operator's) and the operator starts it, completes it with its
 * parameters, lots, inspections and label scans, and clears the room. Through the API only
 * the transport logger's upload, which is the device's call, not a person's.
 */
test('a journey from order to infusion in Chinese, each role in turn', async ({
  page,
  browser,
}) => {
  // Production's bookings may wait for another test's batch record on the one demo line.
  test.setTimeout(900_000);
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
  donorCodes.push(donorCode);
  await checkScreen(page, 'zh-journey-ordered');

  // Hospital: the donor screening, confirmed by the clinician (DON-01).
  await nextRole(page, 'hospital', donorCode);
  const screening = page.getByTestId('screening-form');
  for (const row of [0, 1, 2, 3]) {
    const marker = screening.getByTestId(`marker-${row}`);
    await marker.getByLabel('阴性').check();
    await marker.getByLabel('检测方法').fill('化学发光法，血源筛查试剂');
  }
  await screening.getByLabel('本人确认患者符合产品的入选标准（DON-01）').check();
  await checkScreen(page, 'zh-screening');
  await screening.getByRole('button', { name: '记录供者筛查' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('供者已筛查');

  // Scheduler: the collection on the day it is taken (Shanghai), four hours ago, and
  // manufacturing the earliest free day after it. On a whole second: the receipt types the
  // label's collection time to the second, and it must match the record.
  const now = Date.now();
  const collectedAt = new Date(Math.floor((now - 4 * HOUR) / 1000) * 1000);
  await nextRole(page, 'scheduler', donorCode);
  const schedule = page.getByTestId('schedule-collection-form');
  await schedule
    .getByLabel('采集日期', { exact: true })
    .fill(shanghaiInput(collectedAt).slice(0, 10));
  await checkScreen(page, 'zh-schedule-collection');
  await schedule.getByRole('button', { name: '安排采集', exact: true }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('已安排采集');

  // Hospital: collection, storage and hand-over.
  const handedOverAt = new Date(now - 2 * HOUR);
  await nextRole(page, 'hospital', donorCode);
  const collection = page.getByTestId('collection-form');
  await collection.getByLabel('采集结束时间').fill(shanghaiInput(collectedAt));
  await collection.getByLabel('采集量（mL）').fill('180');
  await collection.getByLabel('采集袋批号').fill('BAG-2026-0042');
  await collection.getByLabel('实施采集的人员').fill('护士 李娜');
  await collection.getByRole('button', { name: '记录采集' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('已采集');
  const storage = page.getByTestId('storage-form');
  await storage.getByLabel('储存开始时间').fill(shanghaiInput(new Date(now - 3.5 * HOUR)));
  await storage.getByLabel('储存结束时间').fill(shanghaiInput(new Date(now - 2.5 * HOUR)));
  await storage.getByLabel('最低温度（°C）').fill('4');
  await storage.getByLabel('最高温度（°C）').fill('6');
  await storage.getByLabel('储存位置').fill('单采室冰箱 R2');
  await storage.getByRole('button', { name: '记录储存' }).click();
  await expect(page.getByTestId('storage-form')).toBeHidden();
  const handOver = page.getByTestId('hand-over-form');
  await handOver.getByLabel('交接时间').fill(shanghaiInput(handedOverAt));
  await handOver.getByLabel('承运人').fill('ColdChain Express');
  await handOver.getByLabel('运输容器（经确认的运输配置）').fill('SHIPPER-2-8C-01');
  await handOver.getByLabel('包装编号').fill(`PKG-${donorCode.slice(-8)}`);
  await handOver.getByRole('button', { name: '记录交接' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('运输至工厂');

  // The transport logger's readings reach the platform from the logger itself (GEN-01).
  await api.uploadReadings(
    loggerReadings({
      donorCode,
      leg: 'transport-to-factory',
      from: handedOverAt.toISOString(),
      to: new Date().toISOString(),
      everyMinutes: 20,
      temperatureC: 5.2,
    }),
  );

  // Operator: the receipt inspection on the six-item checklist, the label scanned.
  await nextRole(page, 'operator', donorCode);
  const inspection = page.getByTestId('receipt-form');
  await inspection.getByLabel('完整无破损').check();
  await inspection.getByLabel('标签上的采集日期和时间').fill(shanghaiInput(collectedAt));
  await inspection.getByLabel('标签上的采集量（mL）').fill('180');
  await inspection.getByLabel('存放的储存单元').fill('COLD-01');
  await checkScreen(page, 'zh-receipt-inspection');
  await inspection.getByLabel('扫描包装标签').fill(`=${donorCode}`);
  await inspection.getByLabel('扫描包装标签').press('Enter');
  await expect(page.getByTestId('journey-stage')).toHaveText('已接收');

  // QC's donor material tests, then the qualified person's signed release of the material.
  await clickDonorMaterialTests(page, donorCode);
  await nextRole(page, 'qa-qp', donorCode);
  await page.getByRole('button', { name: '放行供者材料' }).click();
  await checkScreen(page, 'zh-material-release-signature');
  await sign(page, '放行');
  await expect(page.getByTestId('journey-stage')).toHaveText('供者材料已放行');

  // Operator: the start of production, the released material's label scanned (TRC-03).
  await nextRole(page, 'operator', donorCode);
  const production = page.getByTestId('start-production-form');
  await expect(production.getByRole('heading', { name: '开始生产' })).toBeVisible();
  await checkScreen(page, 'zh-start-production');
  await production.getByLabel('扫描供者材料标签').click();
  await scan(page, `=${donorCode}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('生产中');

  // The batch record, every step: the production manager books, the operator works it.
  // A second person at a second screen: a context of its own (axe reads only such pages).
  const managerContext = await browser.newContext();
  const productionManager = await managerContext.newPage();
  await signIn(productionManager, 'production-manager', demoUserPassword());
  await clickBatchRecord({ operator: page, productionManager }, donorCode, 'zh-batch');
  await managerContext.close();

  // QC: the final product's results, unit and method prefilled from the specification. The
  // batch's completion reaches the journey a moment after the last step: read it again.
  await nextRole(page, 'qc', donorCode);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('journey-stage')).toHaveText('质量检验', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const entry = page.getByTestId('qc-entry-form');
  for (const [code, value] of QC_RESULTS) {
    const row = entry.getByTestId(`entry-${code}`);
    await row.getByLabel(`${code} 结果`).fill(value);
    await row.getByLabel(`${code} 仪器`).fill('QC-INSTR-01');
    await row.getByLabel(`${code} 样品`).fill('QCS-FP-01');
  }
  await checkScreen(page, 'zh-qc-results');
  await entry.getByRole('button', { name: '提交检验结果' }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('放行审核');

  // The qualified person releases the batch once every gate has settled, signed.
  await clickSamplesAndReview(page, donorCode);
  const gates = page.getByTestId('release-gates');
  await expect(async () => {
    await gates.getByRole('button', { name: '刷新放行条件' }).click();
    await expect(gates.getByTestId('releasable')).toContainText('均已满足', { timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
  await checkScreen(page, 'zh-release-gates');
  await page.getByRole('button', { name: '放行批次' }).click();
  await sign(page, '放行');
  await expect(page.getByTestId('journey-stage')).toHaveText('产品已放行');

  // Operator: the shipment; the scan of the data logger packed with the product sends it.
  await nextRole(page, 'operator', donorCode);
  const shipment = page.getByTestId('ship-to-site-form');
  await expect(shipment.getByRole('heading', { name: '发运至医疗机构' })).toBeVisible();
  await shipment.getByLabel('承运人').fill('ColdChain Express');
  await shipment.getByLabel('运输容器（经确认的运输配置）').fill('LN2-DRYSHIPPER-07');
  await checkScreen(page, 'zh-ship-to-site');
  await shipment.getByLabel('扫描温度记录仪编号').click();
  await scan(page, 'DRYSHIPPER-LOGGER-7');
  await expect(page.getByTestId('journey-stage')).toHaveText('已发运');
  await expect(page.getByTestId('shipment-recorded')).toContainText('发运记录时间');

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
  expect(download.suggestedFilename()).toBe(
    `instructions-for-use-${donorCodeInFileName(donorCode)}.pdf`,
  );
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
