import { expect, type Page, test } from '@playwright/test';
import { demoUserPassword, happyPathSteps, scriptedStep } from '@v2v/testing';
import { api, checkScreen, orderedJourney, runSteps, signIn } from './support';

/*
 * The scheduler's manufacturing slots (issue 14 with issue 11): a collection scheduled from
 * the journey page books a slot, its postponement rebooks it, the journey's hospital reads the
 * history, and the capacity calendar counts the booking. One journey through the three tests.
 */

const PRODUCT = 'CART-CD19';
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);
// Manufacturing starts the day after the collection at the earliest.
const collection = day(2);
const preferred = day(3);
const postponedCollection = day(5);
const postponedPreferred = day(6);

interface Capacity {
  lines: Array<{ lineCode: string; days: Array<{ day: string; taken: number }> }>;
}

const takenOn = (capacity: Capacity, lineCode: string, on: string) =>
  capacity.lines.find((l) => l.lineCode === lineCode)?.days.find((d) => d.day === on)?.taken;

let donorCode = '';
let before: Capacity;
let bookedLine = '';

const journeyPage = (page: Page) => page.goto(`/journeys/${encodeURIComponent(donorCode)}`);

/** The journey confirms a booking just after its step: the history is read until it shows it. */
async function expectBookedOn(page: Page, startsOn: string) {
  const slots = page.getByTestId('manufacturing-slots');
  await expect(async () => {
    await slots.getByRole('button', { name: '刷新生产时段' }).click();
    await expect(slots.getByTestId('booked-starts-on')).toHaveText(startsOn, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test.describe.serial('manufacturing slots in the console', () => {
  test.beforeAll(async () => {
    const order = await orderedJourney();
    donorCode = order.donorCode;
    await runSteps(donorCode, [scriptedStep(happyPathSteps(order), 'recordDonorScreening')]);
    const res = await api.as<Capacity>(
      'scheduler',
      'GET',
      `/api/manufacturing-capacity?from=${today}&days=14&productCode=${PRODUCT}`,
    );
    expect(res.status).toBe(200);
    before = res.body;
  });

  test('a scheduler schedules the collection, sees the slot, postpones it and sees the rebooking', async ({
    page,
  }) => {
    await signIn(page, 'scheduler', demoUserPassword());
    await journeyPage(page);
    await expect(page.getByTestId('journey-stage')).toHaveText('供者已筛查');
    await expect(page.getByTestId('manufacturing-slots')).toContainText('尚未预约生产时段');

    // Checked before sending: manufacturing cannot start on the collection day.
    const schedule = page.getByTestId('schedule-collection-form');
    await schedule.getByLabel('采集日期', { exact: true }).fill(collection);
    await schedule.getByLabel('期望的首个生产日').fill(collection);
    await schedule.getByRole('button', { name: '安排采集', exact: true }).click();
    await expect(schedule.getByText('首个生产日须晚于采集日期')).toBeVisible();
    await schedule.getByLabel('期望的首个生产日').fill(preferred);
    await checkScreen(page, 'slots-schedule-collection');
    await schedule.getByRole('button', { name: '安排采集', exact: true }).click();
    await expect(page.getByTestId('journey-stage')).toHaveText('已安排采集');

    await expectBookedOn(page, preferred);
    const slots = page.getByTestId('manufacturing-slots');
    const history = slots.getByTestId('slot-history').locator('.ant-table-row');
    await expect(slots.getByTestId('booked-line')).not.toBeEmpty();
    await expect(history).toHaveCount(1);

    // The postponement needs its reason; then the slot is rebooked around the new date.
    const postpone = page.getByTestId('postpone-collection-form');
    await postpone.getByLabel('新的采集日期').fill(postponedCollection);
    await postpone.getByLabel('期望的首个生产日').fill(postponedPreferred);
    await postpone.getByRole('button', { name: '推迟采集', exact: true }).click();
    await expect(postpone.getByText('必填')).toBeVisible();
    await postpone.getByLabel('推迟原因').fill('患者发热，推迟采集');
    await postpone.getByRole('button', { name: '推迟采集', exact: true }).click();
    await expect(page.getByText('已记录').first()).toBeVisible();

    await expectBookedOn(page, postponedPreferred);
    await expect(history).toHaveCount(2);
    // Newest first: the new booking, then the old slot released as rebooked and replaced.
    await expect(history.first()).toContainText('已预约');
    const released = history.nth(1);
    await expect(released).toContainText('已释放');
    await expect(released.getByTestId('slot-release')).toContainText('rebooked:');
    await expect(released.getByTestId('slot-release')).toContainText('由新时段替代');
    await expect(page.getByTestId('journey-stage')).toHaveText('已安排采集');
    bookedLine = (await slots.getByTestId('booked-line').textContent())!.trim();
    await checkScreen(page, 'slots-journey-rebooked');
  });

  test("the journey's hospital user sees the slot history and no scheduling form", async ({
    page,
  }) => {
    await signIn(page, 'hospital', demoUserPassword());
    await journeyPage(page);
    const slots = page.getByTestId('manufacturing-slots');
    const history = slots.getByTestId('slot-history').locator('.ant-table-row');
    await expect(slots.getByTestId('booked-starts-on')).toHaveText(postponedPreferred);
    await expect(slots.getByTestId('booked-line')).toHaveText(bookedLine);
    await expect(history).toHaveCount(2);
    await expect(slots.getByTestId('slot-release')).toContainText('rebooked:');
    await expect(page.getByTestId('schedule-collection-form')).toHaveCount(0);
    await expect(page.getByTestId('postpone-collection-form')).toHaveCount(0);
    await checkScreen(page, 'slots-journey-hospital');
  });

  test('the capacity calendar shows the line of the booked slot with one more taken', async ({
    page,
  }) => {
    await signIn(page, 'scheduler', demoUserPassword());
    await page.getByRole('link', { name: '生产排期日历' }).click();
    await expect(page.getByRole('heading', { name: '生产排期日历' })).toBeVisible();
    await expect(page.getByText(`${PRODUCT} · 工艺版本`)).toBeVisible();
    await page.getByLabel('起始日期').fill(today);

    const cell = page.getByTestId(`capacity-${bookedLine}-${postponedPreferred}`);
    const takenBefore = takenOn(before, bookedLine, postponedPreferred);
    expect(takenBefore, `${bookedLine} on ${postponedPreferred} before the booking`).toBeDefined();
    await expect(cell.getByTestId('taken')).toHaveText(String(takenBefore! + 1));
    await checkScreen(page, 'slots-capacity-calendar');

    // Two weeks a page: the next page starts 14 days on, and back again.
    await page.getByRole('button', { name: '后两周' }).click();
    await expect(page.getByLabel('起始日期')).toHaveValue(day(14));
    await expect(cell).toHaveCount(0);
    await page.getByRole('button', { name: '前两周' }).click();
    await expect(cell.getByTestId('taken')).toHaveText(String(takenBefore! + 1));
  });
});

test('a NO_MANUFACTURING_SLOT refusal offers its earliest free day in one click', async ({
  page,
}) => {
  const order = await orderedJourney();
  await runSteps(order.donorCode, [scriptedStep(happyPathSteps(order), 'recordDonorScreening')]);
  // The demo lines carry 400 batches: no calendar here fills up, so the browser is given the
  // gateway's refusal once, in its shape (code, sentence, details.earliestFreeStartOn).
  const earliest = day(4);
  await page.route('**/schedule-collection', (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({
        code: 'NO_MANUFACTURING_SLOT',
        message: `no production line (L1, L2) is free for 8 days starting between ${preferred} and ${preferred}; the earliest free start after it is ${earliest}`,
        details: { earliestFreeStartOn: earliest, refusal: 'NO_MANUFACTURING_SLOT' },
      }),
    }),
  );
  await signIn(page, 'scheduler', demoUserPassword());
  await page.goto(`/journeys/${encodeURIComponent(order.donorCode)}`);
  const schedule = page.getByTestId('schedule-collection-form');
  await schedule.getByLabel('采集日期', { exact: true }).fill(collection);
  await schedule.getByLabel('期望的首个生产日').fill(preferred);
  await schedule.getByRole('button', { name: '安排采集', exact: true }).click();
  await expect(schedule.getByTestId('refusal-code')).toHaveText('NO_MANUFACTURING_SLOT');
  await expect(schedule.getByTestId('refusal-message')).toContainText(earliest);
  await checkScreen(page, 'slots-no-manufacturing-slot');

  await schedule.getByRole('button', { name: `使用最早的空余日 ${earliest}` }).click();
  await expect(schedule.getByLabel('期望的首个生产日')).toHaveValue(earliest);
  // Sent again to the real gateway: the slot is booked on that day.
  await page.unroute('**/schedule-collection');
  await schedule.getByRole('button', { name: '安排采集', exact: true }).click();
  await expect(page.getByTestId('journey-stage')).toHaveText('已安排采集');
  await expectBookedOn(page, earliest);
});
