import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { GatewayClient, type ScriptedStep } from '@v2v/testing';
import { ARTIFACTS } from './playwright.config';

/**
 * The gateway as the tests' API client: journeys are driven to a screen through it. (Its
 * port is SERVICE_PORTS.gateway; @v2v/service-kit is not imported here, it loads NestJS.)
 */
export const api = new GatewayClient(process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000');

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^(用户名|Username)$/).fill(username);
  await page.getByLabel(/^(密码|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  // Signed in once the console leaves the sign-in screen (to the board or the password change).
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}

/**
 * A main screen's check: axe-core finds no serious or critical violation, and the screen is
 * kept as a screenshot artifact (.data/console/screenshots).
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(ARTIFACTS, 'screenshots', `${name}.png`),
    fullPage: true,
  });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility of ${name}`).toEqual([]);
}

/** A patient reference no other run uses. */
export const patientReference = () => `PAT-${Math.random().toString(36).slice(2, 10)}`;

/** A new journey of CART-CD19 at INST-001, ordered by the scheduler through the API. */
export async function orderedJourney(): Promise<{ donorCode: string; patientReference: string }> {
  const patient = patientReference();
  const order = await api.as<{ donorCode: string }>('scheduler', 'POST', '/api/orders', {
    body: {
      patientReference: patient,
      institutionId: 'INST-001',
      productCode: 'CART-CD19',
      requestedCollectionDate: '2026-12-20',
    },
  });
  expect(order.status).toBe(201);
  return { donorCode: order.body.donorCode, patientReference: patient };
}

/** Takes each scripted step through the API, as its own role would. */
export async function runSteps(donorCode: string, steps: ScriptedStep[]): Promise<void> {
  for (const scripted of steps) {
    const res = await api.run(donorCode, scripted);
    expect(res.status, `${scripted.step}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

/**
 * What a person in Shanghai (the browser's zone in these tests, UTC+8 without summer time)
 * types into a date-time input for an instant.
 */
export const shanghaiInput = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
