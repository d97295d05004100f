import { expect, test } from '@playwright/test';
import {
  DEMO_PROCESS_CART_CD19,
  demoUserPassword,
  happyPathSteps,
  stepsBefore,
} from '@v2v/testing';
import {
  clickBooking,
  clickLineClearance,
  clickStart,
  fillCompletion,
  leaveRoomsFree,
} from './batch-record-clicks';
import { checkScreen, orderedJourney, runSteps, signIn } from './support';

const [SELECTION] = DEMO_PROCESS_CART_CD19.steps;
/** The journeys of this file, whose rooms are left free after each test (leaveRoomsFree). */
const donorCodes: string[] = [];
test.afterEach(() => leaveRoomsFree(donorCodes));

test('a production manager books the first step of a batch record, an operator starts and completes it', async ({
  page,
  browser,
}) => {
  // The booking may wait for another test's batch record on the one demo line (PRD-04).
  test.setTimeout(300_000);
  // A journey in production with its batch record not yet taken.
  const order = await orderedJourney();
  const { donorCode } = order;
  donorCodes.push(donorCode);
  const steps = happyPathSteps({ ...order, batchRecord: false });
  await runSteps(donorCode, stepsBefore(steps, 'recordQcResult'));

  // The production manager books the step in the production calendar, on the batch record.
  // A second person at a second screen: a context of its own (axe reads only such pages).
  const managerContext = await browser.newContext();
  const productionManager = await managerContext.newPage();
  await signIn(productionManager, 'production-manager', demoUserPassword());
  await clickBooking(productionManager, donorCode, SELECTION, 'batch-record-booking');
  await managerContext.close();

  await signIn(page, 'operator', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(donorCode)}`);
  await expect(page.getByTestId('journey-stage')).toHaveText('生产中');
  await page.getByRole('link', { name: /^批生产记录/ }).click();
  await expect(page.getByRole('heading', { name: /^批生产记录/ })).toBeVisible();

  // The booking and the shift are proposed.
  await clickStart(page, donorCode, SELECTION, undefined, 'batch-record-start');

  // The start printed the step's labels; a scan of something else is refused (PRD-06).
  const { form: complete, labels } = await fillCompletion(page, donorCode, SELECTION);
  await expect(complete.getByText('范围 80–100 %')).toBeVisible();
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
  await clickLineClearance(page, SELECTION, 'batch-record-line-clearance');
  // The next step is not booked yet: the operator is told so instead of a booking to pick.
  await expect(page.getByText('此工序尚无预约：请生产管理负责人在生产日历中预约')).toBeVisible();
  await checkScreen(page, 'batch-record-next-step');
});
