import { expect, test } from '@playwright/test';
import type { BatchRecordView } from '@v2v/contracts';
import {
  bookDemoStep,
  DEMO_PROCESS_CART_CD19,
  demoUserPassword,
  happyPathSteps,
  SEEDED_KEY_MATERIAL_LOTS,
  stepsBefore,
} from '@v2v/testing';
import { api, checkScreen, orderedJourney, runSteps, signIn } from './support';

const [SELECTION] = DEMO_PROCESS_CART_CD19.steps;
const DAY = 86_400_000;

/**
 * A step left ended without its line clearance (a test failing half-way) would make every later
 * booking of the room refused (PRD-04): the journeys of this file leave their rooms cleared.
 */
const donorCodes: string[] = [];
test.afterEach(async () => {
  const from = new Date(Date.now() - DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();
  const calendar = await api.as<
    Array<{
      bookingId: string;
      donorCode: string;
      completedAt: string | null;
      lineClearanceAt: string | null;
    }>
  >('operator', 'GET', `/api/production-calendar?areaCode=CP-1&from=${from}&to=${to}`);
  for (const booking of calendar.body) {
    if (donorCodes.includes(booking.donorCode) && booking.completedAt && !booking.lineClearanceAt)
      await api.as(
        'operator',
        'POST',
        `/api/production-calendar/bookings/${booking.bookingId}/line-clearance`,
        {
          body: { note: 'cleared after a failed console test' },
        },
      );
  }
});

test('an operator starts and completes the first step of a batch record', async ({ page }) => {
  // A journey in production with its batch record not yet taken, the first step booked now.
  const order = await orderedJourney();
  const { donorCode } = order;
  donorCodes.push(donorCode);
  const steps = happyPathSteps({ ...order, batchRecord: false });
  await runSteps(donorCode, stepsBefore(steps, 'recordQcResult'));
  await bookDemoStep(api, donorCode, SELECTION);

  await signIn(page, 'operator', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('生产中');
  await page.getByRole('link', { name: /^批生产记录/ }).click();
  await expect(page.getByRole('heading', { name: /^批生产记录/ })).toBeVisible();

  // The booking and the shift are proposed; the booking starts when it was made, and the form
  // takes its time to the second: a second passes first, as it would on the floor.
  const start = page.getByTestId('start-step-form');
  await expect(start.getByText('CP1-R03 · CS-301 · L1')).toBeVisible();
  await checkScreen(page, 'batch-record-start');
  await page.waitForTimeout(1_100);
  await start.getByRole('button', { name: '开始工序' }).click();
  await expect(page.getByTestId(`status-${SELECTION.stepId}`)).toHaveText('进行中');

  const complete = page.getByTestId('complete-step-form');
  await expect(complete.getByText('范围 80–100 %')).toBeVisible();
  await complete.getByLabel('CD3+ purity (%)').fill('92');
  await complete.getByTestId('consumable-SUS-TS520').getByLabel('批号').click();
  await page
    .locator('.ant-select-item-option', { hasText: SEEDED_KEY_MATERIAL_LOTS.tubingSet })
    .click();
  await complete.getByTestId('inspection-0').getByLabel('完好').check();
  await complete.getByTestId('inspection-1').getByLabel('完好').check();

  // The start printed the step's labels; the operator scans each (here, what it encodes).
  const record = await api.as<BatchRecordView>(
    'operator',
    'GET',
    `/api/journeys/${encodeURIComponent(donorCode)}/batch-record`,
  );
  const labels = record.body.labels.filter((l) => l.stepId === SELECTION.stepId);
  expect(labels.length).toBeGreaterThan(0);
  const scanOf = (labelId: string) =>
    complete.getByTestId(`label-${labelId}`).getByLabel(/^扫描标签/);
  for (const label of labels) await scanOf(label.labelId).fill(`${label.content}-X`);
  await checkScreen(page, 'batch-record-complete');
  await complete.getByRole('button', { name: '完成工序' }).click();
  await expect(complete.getByTestId('refusal-code')).toHaveText('PRD-06');
  await expect(complete.getByTestId('refusal-message')).toContainText('(PRD-06)');
  await checkScreen(page, 'batch-record-refused');

  // A value out of range: warned beside the field and confirmed before sending; the server
  // records it as a deviation (PRD-01).
  for (const label of labels) await scanOf(label.labelId).fill(label.content);
  await complete.getByLabel('CD3+ purity (%)').fill('75');
  await expect(complete.getByText('超出范围：提交后将记录为偏差（PRD-01）')).toBeVisible();
  await complete.getByRole('button', { name: '完成工序' }).click();
  const confirm = page.getByRole('dialog', { name: '工艺参数超出范围' });
  await expect(confirm).toContainText('CD3+ purity (80–100 %)');
  await confirm.getByRole('button', { name: '仍然提交' }).click();

  await expect(page.getByTestId(`status-${SELECTION.stepId}`)).toHaveText('已完成');
  const deviations = page.getByTestId('batch-deviations');
  await expect(deviations).toContainText('PRD-01');
  await expect(deviations).toContainText(SELECTION.stepId);
  // The room's line clearance, which its next booking needs (§9(5)4, PRD-04).
  const clearance = page.getByTestId(`line-clearance-${SELECTION.stepId}`);
  await clearance.getByLabel('清场说明').fill('操作间已清场，无上批遗留物');
  await checkScreen(page, 'batch-record-line-clearance');
  await clearance.getByRole('button', { name: '记录清场' }).click();
  await expect(clearance).toBeHidden();
  // The next step is not booked yet: the operator is told so instead of a booking to pick.
  await expect(page.getByText('此工序尚无预约：请生产管理负责人在生产日历中预约')).toBeVisible();
  await checkScreen(page, 'batch-record-next-step');
});
