import { expect, type Locator, type Page } from '@playwright/test';
import type { BatchLabel, BatchRecordView, ProcessStep } from '@v2v/contracts';
import {
  arrivalWithin,
  bookWhenRoomFree,
  DEMO_BATCH_FLOOR,
  DEMO_LINE,
  DEMO_PROCESS_CART_CD19,
  middle,
  releasedLot,
  shiftAt,
} from '@v2v/testing';
import { api, checkScreen, shanghaiInput } from './support';

/*
 * The batch record clicked in the console, step by step, as the floor takes it: the production
 * manager books the step where the demo floor runs it (DEMO_BATCH_FLOOR), the operator starts
 * it, completes it with everything in order and records the line clearance. One copy for every
 * spec that clicks a batch record.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const batchRecord = (donorCode: string) =>
  `/journeys/${encodeURIComponent(donorCode)}/batch-record`;

/** Opens an antd Select by its label and picks the option showing `text`. */
export async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  // Closed dropdowns stay in the page, hidden: only the open one's options are visible.
  await page.locator('.ant-select-item-option:visible', { hasText: text }).click();
}

/**
 * The production manager books `step` on the batch record, in its demo room, on its equipment
 * and the demo line, from now for its planned hours. While another journey's step holds the
 * room (another test's batch record on the one demo line), the booking is sent again with a
 * later start (`bookWhenRoomFree`). `screen` names the screenshot of the filled form.
 */
export async function clickBooking(
  page: Page,
  donorCode: string,
  step: ProcessStep,
  screen?: string,
): Promise<void> {
  await page.goto(batchRecord(donorCode));
  const form = page.getByTestId('book-step-form');
  await expect(form.getByRole('heading', { name: `预约工序：${step.name}` })).toBeVisible();
  const floor = DEMO_BATCH_FLOOR[step.stepId];
  await choose(page, form.getByLabel('操作间', { exact: true }), floor.roomCode);
  await choose(page, form.getByLabel('设备', { exact: true }), floor.equipmentCode);
  await choose(page, form.getByLabel('生产线', { exact: true }), `${DEMO_LINE} · `);
  if (screen) await checkScreen(page, screen);
  const answer = await bookWhenRoomFree(donorCode, async () => {
    const now = Date.now();
    await form.getByLabel('开始时间', { exact: true }).fill(shanghaiInput(new Date(now)));
    await form
      .getByLabel('结束时间', { exact: true })
      .fill(shanghaiInput(new Date(now + step.plannedDurationHours * HOUR)));
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) =>
          r.request().method() === 'POST' &&
          new URL(r.url()).pathname === '/api/production-calendar/bookings',
        { timeout: 30_000 },
      ),
      form.getByRole('button', { name: '预约工序' }).click(),
    ]);
    return { status: response.status(), body: await response.json() };
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  await expect(page.getByTestId(`booked-${step.stepId}`)).toBeVisible();
}

/**
 * The operator starts `step` on its booking (proposed by the form) and the demo shift of now;
 * after a step with a transfer out, the transfer's arrival with the temperatures it saw, in the
 * middle half of its range.
 */
export async function clickStart(
  page: Page,
  donorCode: string,
  step: ProcessStep,
  previous?: ProcessStep,
  screen?: string,
): Promise<void> {
  await page.goto(batchRecord(donorCode));
  const start = page.getByTestId('start-step-form');
  await expect(start.getByRole('heading', { name: `开始工序：${step.name}` })).toBeVisible();
  const floor = DEMO_BATCH_FLOOR[step.stepId];
  // The clicked bookings name no incubator compartment: the demo's culture is closed (§9(5)6).
  await expect(
    start.getByText(`${floor.roomCode} · ${floor.equipmentCode} · ${DEMO_LINE}`),
  ).toBeVisible();
  // The operator's own shift, whose line has its media fill (PRD-02): the form proposes the
  // first shift covering now, and the register holds other shifts too (the integration tier's).
  await choose(page, start.getByLabel('班次', { exact: true }), `${shiftAt(new Date())} · `);
  if (previous?.transferOut) {
    const seen = arrivalWithin(previous.transferOut, new Date())!;
    await start.getByLabel('途中最低温度（°C）').fill(String(seen.minObservedTemperatureC));
    await start.getByLabel('途中最高温度（°C）').fill(String(seen.maxObservedTemperatureC));
  }
  if (screen) await checkScreen(page, screen);
  await start.getByRole('button', { name: '开始工序' }).click();
  await expect(page.getByTestId(`status-${step.stepId}`)).toHaveText('进行中');
}

/**
 * The operator fills the completion of the step in progress when everything went right: every
 * parameter in the middle of its range, every consumable by its seeded released lot, every
 * container intact, every label the start printed scanned (here, what its Data Matrix encodes,
 * read from the record), positive waste inactivated; the end and the transfer's departure are
 * proposed by the form. Returns the form and the step's labels, for a spec to vary.
 */
export async function fillCompletion(
  page: Page,
  donorCode: string,
  step: ProcessStep,
): Promise<{ form: Locator; labels: BatchLabel[] }> {
  const form = page.getByTestId('complete-step-form');
  await expect(form.getByRole('heading', { name: `完成工序：${step.name}` })).toBeVisible();
  for (const p of step.parameters)
    await form.getByLabel(`${p.name} (${p.unit})`).fill(String(middle(p)));
  for (const c of step.consumables)
    await choose(
      page,
      form.getByTestId(`consumable-${c.materialCode}`).getByLabel('批号'),
      releasedLot(c.materialCode),
    );
  const inspections = step.containers.beforeUse.length + step.containers.afterFilling.length;
  for (let i = 0; i < inspections; i += 1)
    await form.getByTestId(`inspection-${i}`).getByLabel('完好').check();
  const record = await api.as<BatchRecordView>(
    'operator',
    'GET',
    `/api/journeys/${encodeURIComponent(donorCode)}/batch-record`,
  );
  const labels = record.body.labels.filter((l) => l.stepId === step.stepId);
  expect(labels).toHaveLength(step.containers.afterFilling.length);
  for (const label of labels)
    await form
      .getByTestId(`label-${label.labelId}`)
      .getByLabel(/^扫描标签/)
      .fill(label.content);
  if (step.producesPositiveWaste)
    await form.getByLabel('灭活方法').fill('高压蒸汽灭菌 121 °C 30 分钟');
  return { form, labels };
}

/** The operator sends the completion; the step is recorded completed. */
export async function clickCompletion(page: Page, step: ProcessStep): Promise<void> {
  await page.getByTestId('complete-step-form').getByRole('button', { name: '完成工序' }).click();
  await expect(page.getByTestId(`status-${step.stepId}`)).toHaveText('已完成');
}

/** The room's line clearance after the step (§9(5)4): the room's next booking needs it. */
export async function clickLineClearance(
  page: Page,
  step: ProcessStep,
  screen?: string,
): Promise<void> {
  const clearance = page.getByTestId(`line-clearance-${step.stepId}`);
  await clearance.getByLabel('清场说明').fill('操作间已清场，无上批遗留物');
  if (screen) await checkScreen(page, screen);
  await clearance.getByRole('button', { name: '记录清场' }).click();
  await expect(clearance).toBeHidden();
}

/**
 * Every step of DEMO_PROCESS_CART_CD19 clicked, by the production manager on one page and the
 * operator on another: booking, start, completion and line clearance. `screens` prefixes the
 * screenshots of the first step's booking, start and completion.
 */
export async function clickBatchRecord(
  people: { operator: Page; productionManager: Page },
  donorCode: string,
  screens?: string,
): Promise<void> {
  let previous: ProcessStep | undefined;
  for (const step of DEMO_PROCESS_CART_CD19.steps) {
    const screen = (name: string) => (screens && !previous ? `${screens}-${name}` : undefined);
    await clickBooking(people.productionManager, donorCode, step, screen('booking'));
    await clickStart(people.operator, donorCode, step, previous, screen('start'));
    await fillCompletion(people.operator, donorCode, step);
    if (screen('complete')) await checkScreen(people.operator, screen('complete')!);
    await clickCompletion(people.operator, step);
    await clickLineClearance(people.operator, step);
    previous = step;
  }
}

/**
 * A test failing half-way leaves its rooms held: a step ended without its line clearance, or a
 * booking never worked to its end, makes every later booking of the room refused (PRD-04) for
 * hours. After each test, the journeys' ended steps get their clearance and their bookings
 * still held are cancelled.
 */
export async function leaveRoomsFree(donorCodes: string[]): Promise<void> {
  const from = new Date(Date.now() - DAY).toISOString();
  const to = new Date(Date.now() + DAY).toISOString();
  const calendar = await api.as<
    Array<{
      bookingId: string;
      donorCode: string;
      status: string;
      completedAt: string | null;
      lineClearanceAt: string | null;
    }>
  >('operator', 'GET', `/api/production-calendar?areaCode=CP-1&from=${from}&to=${to}`);
  expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
  const path = (bookingId: string, action: string) =>
    `/api/production-calendar/bookings/${bookingId}/${action}`;
  for (const booking of calendar.body) {
    if (!donorCodes.includes(booking.donorCode) || booking.status !== 'booked') continue;
    if (!booking.completedAt)
      await api.as('production-manager', 'POST', path(booking.bookingId, 'cancel'), {
        body: { reason: 'released after a failed console test' },
      });
    else if (!booking.lineClearanceAt)
      await api.as('operator', 'POST', path(booking.bookingId, 'line-clearance'), {
        body: { note: 'cleared after a failed console test' },
      });
  }
}
